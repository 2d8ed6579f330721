/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ti-network-map-private.h"
#include "ti-vocabulary.h"

/*
 * The network map's legend, on screen and in files, compact so that the map keeps the room:
 * the sectors drawn, the champions' tiers, the organisations' sizes and the ties, a swatch and
 * a few words each in the labels' smaller text, running on from line to line; last, where a
 * frame left ties out, a note saying so (its room always kept, so the map does not move when
 * it comes). It goes under the map or beside it, where it leaves the map more room
 * (share_room()). And the whole map drawn at a size, with its legend, as files have it.
 */

#define SWATCH_RADIUS 4.5
#define SWATCH_TEXT_GAP 4.0  /* between a swatch and its words */
#define ENTRY_GAP 12.0       /* between one entry and the next */
#define ROW_GAP 3.0
#define SIZE_KEY_CHAMPIONS 1, 10, 40

typedef enum
{
  SWATCH_ORGANISATION, /* a sector's filled circle */
  SWATCH_CHAMPION,     /* a tier's marker */
  SWATCH_SIZES,        /* organisations' circles of SIZE_KEY_CHAMPIONS, one in another */
  SWATCH_TIE,
  SWATCH_NOTE, /* no swatch: the note on ties left out, drawn only when they are */
} SwatchKind;

typedef struct
{
  SwatchKind kind;
  guint colour; /* organisations: the sector's place; champions: the tier */
  gboolean hollow;
  char *text;
} Entry;

static const guint size_key[] = { SIZE_KEY_CHAMPIONS };

static void
clear_entry (gpointer data)
{
  g_free (((Entry *) data)->text);
}

static void
add_entry (GArray *entries, SwatchKind kind, guint colour, gboolean hollow, char *text)
{
  Entry entry = { kind, colour, hollow, text };

  g_array_append_val (entries, entry);
}

/* The radius an organisation of @champions is drawn at with the whole map in view. */
static double
size_key_radius (guint champions)
{
  return CLAMP (2.0 * sqrt (champions), 5.0, 30.0);
}

/* The legend's entries: the sectors, and unless only they have room (@full) the rest. */
static GArray *
legend_entries (TiNetworkMap *self, gboolean full)
{
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (Entry));

  g_array_set_clear_func (entries, clear_entry);
  /* The sectors of the organisations shown, in the palette's order. */
  for (guint i = 0; i < self->sectors->len; i++)
    {
      const char *key = g_ptr_array_index (self->sectors, i);

      if (!g_array_index (self->sector_shown, gboolean, i))
        continue;
      add_entry (entries, SWATCH_ORGANISATION, i, i >= ti_chart_palette_size (),
                 g_strdup (*key ? ti_vocabulary_sector_label (key) : _("No sector")));
    }
  if (!full)
    return entries;
  if (self->n_shown_champions > 0)
    for (int tier = 1; tier <= 4; tier++)
      add_entry (entries, SWATCH_CHAMPION, (guint) tier % 4, tier == 4,
                 /* Translators: the network map's legend: a champion's highest tier */
                 tier == 4 ? g_strdup (_("No tier yet")) : g_strdup_printf (_("Tier %d"), tier));
  /* The sizes: area grows with the champions an organisation has. */
  add_entry (entries, SWATCH_SIZES, 0, TRUE,
             /* Translators: the network map's legend: organisations' circles for 1, 10 and
              * 40 champions, one inside another */
             g_strdup_printf (_("%u, %u, %u champions"), size_key[0], size_key[1],
                              size_key[2]));
  add_entry (entries, SWATCH_TIE, 0, FALSE,
             /* Translators: the network map's legend: what a line between two nodes means */
             g_strdup (_("Tie: thicker, more shared")));
  add_entry (entries, SWATCH_NOTE, 0, FALSE,
             /* Translators: on the network map, when it is zoomed out too far to draw every
              * tie */
             g_strdup (_("Strongest ties only: zoom in for all")));
  return entries;
}

static double
swatch_width (const Entry *entry)
{
  switch (entry->kind)
    {
    case SWATCH_TIE:
      return 3 * SWATCH_RADIUS;
    case SWATCH_NOTE:
      return -SWATCH_TEXT_GAP;
    case SWATCH_SIZES:
      return 2 * size_key_radius (size_key[G_N_ELEMENTS (size_key) - 1]);
    case SWATCH_CHAMPION:
    case SWATCH_ORGANISATION:
    default:
      return 2 * SWATCH_RADIUS;
    }
}

static double
swatch_height (const Entry *entry)
{
  return entry->kind == SWATCH_SIZES ? swatch_width (entry)
         : entry->kind == SWATCH_NOTE ? 0
                                      : 2 * SWATCH_RADIUS;
}

/* Draws @entry's swatch with its left at @x, its middle at @y. */
static void
draw_swatch (TiNetworkMap *self, cairo_t *cr, const Entry *entry, double x, double y)
{
  double r = SWATCH_RADIUS;
  GdkRGBA colour, edge;

  cairo_save (cr);
  cairo_new_path (cr);
  switch (entry->kind)
    {
    case SWATCH_NOTE:
      break;
    case SWATCH_TIE:
      ti_network_map_colour (self, TI_CHART_COLOUR_FOREGROUND, &colour);
      colour.alpha *= 0.5f;
      ti_chart_stroke_line (cr, x, y + r, x + swatch_width (entry), y - r, 2.0, &colour);
      break;
    case SWATCH_SIZES:
      /* Circles standing on one line, the biggest at the back. */
      ti_network_map_colour (self, TI_CHART_COLOUR_DIM, &colour);
      for (guint i = G_N_ELEMENTS (size_key); i-- > 0;)
        {
          double radius = size_key_radius (size_key[i]);
          double bottom = y + swatch_height (entry) / 2;

          ti_network_map_add_ring (cr, x + swatch_width (entry) / 2, bottom - radius, radius,
                                   1.2);
        }
      ti_network_map_fill_nodes (cr, &colour);
      break;
    case SWATCH_CHAMPION:
      ti_network_map_tier_colour (self, (int) entry->colour, &colour);
      if (entry->hollow)
        ti_network_map_add_ring (cr, x + r, y, r, 1.5);
      else
        ti_network_map_add_marker (cr, ti_network_map_tier_marker ((int) entry->colour), x + r,
                                   y, r);
      ti_network_map_fill_nodes (cr, &colour);
      break;
    case SWATCH_ORGANISATION:
    default:
      ti_chart_style_palette_colour (GTK_WIDGET (self), self->drawing_file, entry->colour,
                                     &colour);
      if (entry->hollow)
        {
          ti_network_map_add_ring (cr, x + r, y, r, 2.0);
          ti_network_map_fill_nodes (cr, &colour);
        }
      else
        ti_network_map_fill_circle (cr, x + r, y, r, &colour,
                                    ti_network_map_edge_colour (self, &colour, &edge) ? &edge
                                                                                       : NULL);
      break;
    }
  cairo_restore (cr);
}

/**
 * ti_network_map_legend:
 * @self: a network map
 * @cr: (nullable): where to draw, or %NULL only to measure
 * @x: the legend's left
 * @y: its top
 * @width: the width it has: entries run on to new lines
 * @full: whether to draw it all, or only the sectors' colours
 *
 * Returns: the legend's height
 */
double
ti_network_map_legend (TiNetworkMap *self, cairo_t *cr, double x, double y, double width,
                       gboolean full)
{
  g_autoptr (GArray) entries = legend_entries (self, full);
  g_autoptr (PangoLayout) layout = ti_network_map_label_layout (self, cr);
  double left = x, top = y, row_height = 0;
  GdkRGBA text, dim;

  ti_network_map_colour (self, TI_CHART_COLOUR_FOREGROUND, &text);
  ti_network_map_colour (self, TI_CHART_COLOUR_DIM, &dim);
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
  pango_layout_set_height (layout, -1);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = &g_array_index (entries, Entry, i);
      double swatch = swatch_width (entry);
      int text_width, text_height;
      double entry_width, entry_height;

      pango_layout_set_text (layout, entry->text, -1);
      pango_layout_set_width (layout,
                              (int) (MAX (width - swatch - SWATCH_TEXT_GAP, 1) * PANGO_SCALE));
      /* The note may take two lines in a narrow column. */
      pango_layout_set_height (layout, entry->kind == SWATCH_NOTE ? -2 : -1);
      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      entry_width = swatch + SWATCH_TEXT_GAP + text_width;
      entry_height = MAX (text_height, swatch_height (entry));
      if (left > x && left + entry_width > x + width)
        {
          left = x;
          top += row_height + ROW_GAP;
          row_height = 0;
        }
      if (cr != NULL && entry->kind == SWATCH_NOTE && self->ties_left_out)
        ti_chart_show_layout (cr, layout, left, top + entry_height / 2, 0, 0.5, &dim);
      else if (cr != NULL && entry->kind != SWATCH_NOTE)
        {
          draw_swatch (self, cr, entry, left, top + entry_height / 2);
          ti_chart_show_layout (cr, layout, left + swatch + SWATCH_TEXT_GAP,
                                top + entry_height / 2, 0, 0.5, &text);
        }
      left += entry_width + ENTRY_GAP;
      row_height = MAX (row_height, entry_height);
    }
  return top + row_height - y;
}

/* The height of the legend under the map with the gap above it (remembered for the width);
 * 0 when the map is empty. */
static double
legend_height (TiNetworkMap *self, int width, gboolean full)
{
  if (self->draw_order->len == 0)
    return 0;
  if (self->legend_for_width != width)
    {
      for (int i = 0; i < 2; i++)
        self->legend_height[i] = ti_network_map_legend (self, NULL, 0, 0,
                                                        MAX (width - 2 * TI_CHART_PADDING, 1),
                                                        i == 1)
                                 + TI_CHART_PADDING;
      self->legend_for_width = width;
    }
  return self->legend_height[full ? 1 : 0];
}

/* The width of the legend's widest entry, its note aside (which wraps). */
static double
widest_entry (TiNetworkMap *self)
{
  g_autoptr (GArray) entries = legend_entries (self, TRUE);
  g_autoptr (PangoLayout) layout = ti_network_map_label_layout (self, NULL);
  double widest = 0;

  pango_layout_set_width (layout, -1);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = &g_array_index (entries, Entry, i);
      int text_width;

      if (entry->kind == SWATCH_NOTE)
        continue;
      pango_layout_set_text (layout, entry->text, -1);
      pango_layout_get_pixel_size (layout, &text_width, NULL);
      widest = MAX (widest, swatch_width (entry) + SWATCH_TEXT_GAP + text_width);
    }
  return ceil (widest);
}

/* Where the legend goes in @width by @height: under the map in rows (the whole legend, or
 * where that would take more than a quarter of the height the sectors' colours, the tooltips
 * naming the rest), or beside it in a column (the whole legend, in at most a third of the
 * width), whichever leaves the map the room to draw the shown nodes the biggest. A map wider
 * than its nodes have it takes the legend beside it; a map narrower, under it. */
static void
share_room (TiNetworkMap *self, int width, int height, TiMapLegendRoom *room)
{
  double under = 0, scale_under = 0, scale_beside = 0, column_width, column_height;
  gboolean full_under = FALSE;

  *room = (TiMapLegendRoom) { GRAPHENE_RECT_INIT (0, height, width, 0), FALSE, FALSE };
  if (self->draw_order->len == 0)
    return;
  for (int i = 1; i >= 0 && under == 0; i--)
    {
      double legend = legend_height (self, width, i == 1);

      if (legend <= height / 4.0)
        {
          under = legend;
          full_under = i == 1;
        }
    }
  if (under > 0)
    scale_under = ti_network_map_fitted_scale (self, width, (int) (height - under));

  column_width = widest_entry (self) + TI_CHART_PADDING;
  column_height = ti_network_map_legend (self, NULL, 0, 0, column_width - TI_CHART_PADDING, TRUE)
                  + 2 * TI_CHART_PADDING;
  if (column_width <= width / 3.0 && column_height <= height)
    scale_beside = ti_network_map_fitted_scale (self, (int) (width - column_width), height);

  /* Under, unless beside is clearly better: rows read more easily than a column. */
  if (scale_beside > 1.05 * scale_under)
    *room = (TiMapLegendRoom) {
      GRAPHENE_RECT_INIT (width - column_width, 0, column_width, height), TRUE, TRUE
    };
  else if (under > 0)
    *room = (TiMapLegendRoom) {
      GRAPHENE_RECT_INIT (0, height - under, width, under), full_under, FALSE
    };
}

/**
 * ti_network_map_legend_room:
 * @self: a network map
 * @width: the drawing's width
 * @height: its height
 * @room: (out caller-allocates): where the legend goes, under or beside the map (none where
 *   there is no room for it), and how much of it; the map has the rest
 *
 * Shares the drawing between the map and its legend. The screen's share is remembered for its
 * size until what is drawn changes (not when a node is dragged: the legend stays put).
 */
void
ti_network_map_legend_room (TiNetworkMap *self, int width, int height, TiMapLegendRoom *room)
{
  if (self->drawing_file)
    {
      share_room (self, width, height, room);
      return;
    }
  if (self->room_width != width || self->room_height != height)
    {
      share_room (self, width, height, &self->room);
      self->room_width = width;
      self->room_height = height;
    }
  *room = self->room;
}

/**
 * ti_network_map_legend_changed:
 * @self: a network map
 *
 * What the legend says or its font changed: it is measured and placed again.
 */
void
ti_network_map_legend_changed (TiNetworkMap *self)
{
  self->legend_for_width = -1;
  self->room_width = self->room_height = -1;
}

/**
 * ti_network_map_map_area:
 * @room: where the legend goes
 * @width: the drawing's width
 * @height: its height
 * @area_width: (out): the map's width, from the left
 * @area_height: (out): its height, from the top
 */
void
ti_network_map_map_area (const TiMapLegendRoom *room, int width, int height, int *area_width,
                         int *area_height)
{
  *area_width = room->beside ? (int) room->legend.origin.x : width;
  *area_height = room->beside ? height : (int) room->legend.origin.y;
}

/**
 * ti_network_map_get_screen_view:
 * @self: a network map
 * @view: (out caller-allocates): where the map draws the graph on screen: the widget but its
 *   legend, at the map's zoom and centre
 */
void
ti_network_map_get_screen_view (TiNetworkMap *self, TiMapView *view)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  int area_width, area_height;
  TiMapLegendRoom room;

  ti_network_map_legend_room (self, width, height, &room);
  ti_network_map_map_area (&room, width, height, &area_width, &area_height);
  ti_network_map_get_view (self, area_width, area_height, FALSE, view);
}

/**
 * ti_network_map_draw_legend:
 * @self: a network map
 * @cr: where to draw
 * @room: where the legend goes
 *
 * Draws the legend in its room, under or beside the map.
 */
void
ti_network_map_draw_legend (TiNetworkMap *self, cairo_t *cr, const TiMapLegendRoom *room)
{
  const graphene_rect_t *r = &room->legend;

  if (r->size.width <= 0 || r->size.height <= 0)
    return;
  if (room->beside)
    ti_network_map_legend (self, cr, r->origin.x, r->origin.y + TI_CHART_PADDING,
                           r->size.width - TI_CHART_PADDING, room->full);
  else
    ti_network_map_legend (self, cr, r->origin.x + TI_CHART_PADDING,
                           r->origin.y + TI_CHART_PADDING / 2,
                           r->size.width - 2 * TI_CHART_PADDING, room->full);
}

/**
 * ti_network_map_draw:
 * @self: a network map
 * @cr: where to draw
 * @width: the drawing's width
 * @height: its height
 *
 * Draws the map at any size, as files have it: every shown node fitted in, with the legend
 * under them and no title, in the map's colours (the light style's while saving), the base
 * and its overlay as the screen draws them.
 */
void
ti_network_map_draw (TiNetworkMap *self, cairo_t *cr, int width, int height)
{
  g_autoptr (GArray) labels = g_array_new (FALSE, FALSE, sizeof (TiMapLabel));
  int area_width, area_height;
  TiMapLegendRoom room;
  TiMapView view;

  g_return_if_fail (TI_IS_NETWORK_MAP (self));
  g_return_if_fail (cr != NULL);

  width = MAX (width, 1);
  height = MAX (height, 1);
  /* A file's legend is measured at the file's width, then the screen's is again. */
  self->legend_for_width = -1;
  share_room (self, width, height, &room);
  ti_network_map_map_area (&room, width, height, &area_width, &area_height);
  ti_network_map_get_view (self, area_width, area_height, TRUE, &view);
  if (self->hovered >= 0 && self->draw_order->len > 0)
    {
      /* The map faded where a node is pointed at. */
      cairo_push_group (cr);
      ti_network_map_draw_base (self, cr, &view, labels);
      cairo_pop_group_to_source (cr);
      cairo_paint_with_alpha (cr, TI_NETWORK_MAP_FADE);
    }
  else
    ti_network_map_draw_base (self, cr, &view, labels);
  ti_network_map_draw_overlay (self, cr, &view, labels, FALSE);
  ti_network_map_draw_legend (self, cr, &room);
  self->legend_for_width = -1;
}

static void
draw_file_page (cairo_t *cr, int width, int height, gpointer data)
{
  TiNetworkMap *self = data;
  int hovered = self->hovered, top = 0;
  g_autofree char *caption = ti_network_map_day_words (self);
  GdkRGBA background;

  /* A file shows the map as it is, not where the pointer happens to be. */
  self->drawing_file = TRUE;
  ti_network_map_set_hovered (self, -1);
  ti_network_map_colour (self, TI_CHART_COLOUR_BACKGROUND, &background);
  background.alpha = 1;
  ti_chart_fill_rectangle (cr, 0, 0, width, height, &background);
  if (caption != NULL)
    {
      /* A past day's network says which day, above it. */
      g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), caption);
      GdkRGBA foreground;
      int caption_height;

      ti_network_map_colour (self, TI_CHART_COLOUR_FOREGROUND, &foreground);
      pango_cairo_update_layout (cr, layout);
      pango_layout_set_width (layout, (int)((width - 2 * TI_CHART_PADDING) * PANGO_SCALE));
      pango_layout_get_pixel_size (layout, NULL, &caption_height);
      ti_chart_show_layout (cr, layout, TI_CHART_PADDING, TI_CHART_PADDING, 0, 0, &foreground);
      top = (int)ceil (caption_height + TI_CHART_PADDING);
    }
  cairo_save (cr);
  cairo_translate (cr, 0, top);
  ti_network_map_draw (self, cr, width, height - top);
  cairo_restore (cr);
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
 * in print), in the light style's colours on white whatever the screen's; a past day's
 * network with a caption above it saying which day. The file is written
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
