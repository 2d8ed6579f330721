/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ti-network-map-private.h"

/*
 * The network map on screen. A frame of the whole map at scale 10 has thousands of nodes and
 * ties to draw; most frames change none of them (the pointer moved, the focus came), so the
 * base (ties, nodes, labels) and the legend are drawn once into images and kept while the
 * view, the widget's size and scale and what is drawn stay the same (ti_network_map_changed()
 * says when what is drawn changes: the graph, the filter, the style, a node moved, the
 * selection). Each frame shows them, the base faded where a node is pointed at, and the
 * overlay (ti_network_map_draw_overlay()) over it, drawn as an image of its own where it
 * draws, again only when the pointing, the selection or the focus change.
 *
 * Drawing the base, nodes' shapes are stamped: each shape of a colour, an edge and a size is
 * drawn once into a small image and copied where it goes, on whole pixels, which cairo does
 * in a fraction of the time of filling a circle (big shapes, few when they are big, are
 * filled). Files draw every shape in vectors.
 */

#define STAMPS_MAX 512 /* shapes kept; more and they are drawn again */
/* The biggest shape stamped, in device pixels: bigger ones are few in a frame (it is zoomed
 * in), each of its own size, and would each take an image of their own. */
#define STAMP_RADIUS_MAX 16.0

typedef struct
{
  guint32 fill;
  guint32 edge; /* 0: none */
  int radius;   /* in quarters of a device pixel */
  int ring;     /* in quarters of a pixel, 0: none */
  int marker;
  int scale;
} StampKey;

typedef struct
{
  StampKey key;
  cairo_surface_t *surface;
  int size; /* in device pixels, square */
} Stamp;

static guint32
pack (const GdkRGBA *colour)
{
  return ((guint32) lround (CLAMP (colour->red, 0, 1) * 255) << 24)
         | ((guint32) lround (CLAMP (colour->green, 0, 1) * 255) << 16)
         | ((guint32) lround (CLAMP (colour->blue, 0, 1) * 255) << 8)
         | (guint32) lround (CLAMP (colour->alpha, 0, 1) * 255);
}

static guint
stamp_hash (gconstpointer data)
{
  const StampKey *key = data;

  return key->fill ^ (key->edge * 31u) ^ ((guint) key->radius * 2654435761u)
         ^ ((guint) key->ring << 8) ^ ((guint) key->marker << 4) ^ (guint) key->scale;
}

static gboolean
stamp_equal (gconstpointer a, gconstpointer b)
{
  return memcmp (a, b, sizeof (StampKey)) == 0;
}

static void
stamp_free (gpointer data)
{
  Stamp *stamp = data;

  cairo_surface_destroy (stamp->surface);
  g_free (stamp);
}

/**
 * ti_network_map_stamp:
 * @self: a network map
 * @cr: where the base is drawn
 * @marker: the shape, as ti_network_map_fill_shape() has it
 * @ring: how thick a ring, or 0
 * @x: its centre
 * @y: its centre
 * @r: its radius
 * @fill: its colour
 * @edge: (nullable): an organisation's edge's colour, or %NULL
 *
 * Stamps a node's shape, as ti_network_map_fill_shape() draws it, with its centre on the
 * nearest pixel's corner, while the screen's base is drawn.
 *
 * Returns: whether it was stamped; %FALSE when drawing anything else, for the caller to draw
 *   it
 */
gboolean
ti_network_map_stamp (TiNetworkMap *self, cairo_t *cr, TiChartMarker marker, double ring,
                      double x, double y, double r, const GdkRGBA *fill, const GdkRGBA *edge)
{
  int scale = self->layer_scale;
  StampKey key = { pack (fill), edge ? pack (edge) | 1 : 0, (int) lround (r * scale * 4),
                   (int) lround (ring * 4), marker, scale };
  Stamp *stamp;
  double left, top;

  if (!self->stamping || r * scale > STAMP_RADIUS_MAX)
    return FALSE;
  stamp = g_hash_table_lookup (self->stamps, &key);
  if (stamp == NULL)
    {
      double radius = key.radius / 4.0 / scale, middle;
      cairo_t *stamp_cr;

      stamp = g_new0 (Stamp, 1);
      stamp->key = key;
      /* Room for a diamond's points and an edge. */
      stamp->size = 2 * (int) ceil ((1.25 * radius + 2) * scale);
      stamp->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, stamp->size, stamp->size);
      cairo_surface_set_device_scale (stamp->surface, scale, scale);
      stamp_cr = cairo_create (stamp->surface);
      middle = stamp->size / 2.0 / scale;
      ti_network_map_fill_shape (stamp_cr, marker, ring, middle, middle, radius, fill, edge);
      cairo_destroy (stamp_cr);
      g_hash_table_add (self->stamps, stamp);
    }
  left = (round (x * scale) - stamp->size / 2) / scale;
  top = (round (y * scale) - stamp->size / 2) / scale;
  cairo_set_source_surface (cr, stamp->surface, left, top);
  cairo_rectangle (cr, left, top, (double) stamp->size / scale, (double) stamp->size / scale);
  cairo_fill (cr);
  return TRUE;
}

/**
 * ti_network_map_new_stamps:
 *
 * Returns: (transfer full): where a map keeps its stamps
 */
GHashTable *
ti_network_map_new_stamps (void)
{
  return g_hash_table_new_full (stamp_hash, stamp_equal, stamp_free, NULL);
}

/**
 * ti_network_map_changed:
 * @self: a network map
 *
 * What is drawn changed (the graph, the filter, the style, a node's place, the selection):
 * the base is drawn again at the next frame.
 */
void
ti_network_map_changed (TiNetworkMap *self)
{
  self->serial++;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
same_view (const TiMapView *a, const TiMapView *b)
{
  return a->x0 == b->x0 && a->y0 == b->y0 && a->cx == b->cx && a->cy == b->cy
         && a->scale == b->scale && a->zoom == b->zoom && a->node_scale == b->node_scale
         && graphene_rect_equal (&a->area, &b->area);
}

/* A surface of @width by @height at @scale, cleared. */
static cairo_surface_t *
new_surface (int width, int height, int scale)
{
  cairo_surface_t *surface =
    cairo_image_surface_create (CAIRO_FORMAT_ARGB32, MAX (width, 1) * scale,
                                MAX (height, 1) * scale);

  cairo_surface_set_device_scale (surface, scale, scale);
  return surface;
}

static void
picture_clear (TiMapPicture *picture)
{
  g_clear_pointer (&picture->surface, cairo_surface_destroy);
  g_clear_object (&picture->texture);
}

/* Keeps @surface (taking it) as @picture. */
static void
picture_take (TiMapPicture *picture, cairo_surface_t *surface)
{
  picture_clear (picture);
  cairo_surface_flush (surface);
  picture->surface = surface;
}

/* Shows @picture at @x, @y. GL renderers get a texture, made once (of the surface's pixels
 * as they are, without a copy), which they upload once; the Cairo renderer gets the surface
 * painted, which it does in a fraction of the time it takes to read a texture back. */
static void
picture_append (TiMapPicture *picture, GtkSnapshot *snapshot, double x, double y, int scale,
                gboolean cairo_renderer)
{
  cairo_surface_t *surface = picture->surface;
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (x, y, (double) width / scale,
                                               (double) height / scale);

  if (cairo_renderer)
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &bounds);

      cairo_set_source_surface (cr, surface, x, y);
      cairo_paint (cr);
      cairo_destroy (cr);
      return;
    }
  if (picture->texture == NULL)
    {
      int stride = cairo_image_surface_get_stride (surface);
      g_autoptr (GBytes) bytes =
        g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                    (gsize) stride * height,
                                    (GDestroyNotify) cairo_surface_destroy,
                                    cairo_surface_reference (surface));

      picture->texture =
        gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, (gsize) stride);
    }
  gtk_snapshot_append_texture (snapshot, picture->texture, &bounds);
}

/* Draws the base again unless the one kept shows @view at this scale as it is. */
static void
update_layer (TiNetworkMap *self, const TiMapView *view, int scale)
{
  int width = (int) ceil (view->area.size.width), height = (int) ceil (view->area.size.height);
  cairo_surface_t *surface;
  cairo_t *cr;

  if (self->layer.surface != NULL && self->layer_serial == self->serial
      && self->layer_scale == scale && same_view (&self->layer_view, view))
    return;

  if (scale != self->layer_scale || g_hash_table_size (self->stamps) > STAMPS_MAX)
    g_hash_table_remove_all (self->stamps);
  self->layer_scale = scale;
  self->layer_view = *view;
  self->layer_serial = self->serial;
  self->layer_renders++;
  picture_clear (&self->faded);

  surface = new_surface (width, height, scale);
  cr = cairo_create (surface);
  self->stamping = TRUE;
  ti_network_map_draw_base (self, cr, view, self->layer_labels);
  self->stamping = FALSE;
  cairo_destroy (cr);
  picture_take (&self->layer, surface);
}

/* The base faded, as it shows while a node is pointed at: made once for the base. */
static TiMapPicture *
faded_layer (TiNetworkMap *self)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  if (self->faded.surface != NULL)
    return &self->faded;
  surface = new_surface (cairo_image_surface_get_width (self->layer.surface) / self->layer_scale,
                         cairo_image_surface_get_height (self->layer.surface) / self->layer_scale,
                         self->layer_scale);
  cr = cairo_create (surface);
  cairo_set_source_surface (cr, self->layer.surface, 0, 0);
  cairo_paint_with_alpha (cr, TI_NETWORK_MAP_FADE);
  cairo_destroy (cr);
  picture_take (&self->faded, surface);
  return &self->faded;
}

/* Draws the legend again unless the one kept is for this room, scale, and what is drawn. */
static void
update_legend (TiNetworkMap *self, const TiMapLegendRoom *room, int scale)
{
  const graphene_rect_t *r = &room->legend;
  cairo_surface_t *surface;
  cairo_t *cr;

  if (self->legend.surface != NULL && self->legend_serial == self->serial
      && self->legend_scale == scale && self->legend_ties_left_out == self->ties_left_out
      && memcmp (&self->legend_room, room, sizeof *room) == 0)
    return;
  self->legend_serial = self->serial;
  self->legend_scale = scale;
  self->legend_ties_left_out = self->ties_left_out;
  self->legend_room = *room;
  surface = new_surface ((int) ceil (r->size.width), (int) ceil (r->size.height), scale);
  cr = cairo_create (surface);
  cairo_translate (cr, -r->origin.x, -r->origin.y);
  ti_network_map_draw_legend (self, cr, room);
  cairo_destroy (cr);
  picture_take (&self->legend, surface);
}

/* Draws the overlay again unless the one kept is over this base, at @bounds, for the same
 * pointing, selection and focus. It is drawn into an image of its own, where cairo draws as
 * fast as into the base, rather than recorded for the renderer to play back. */
static void
update_overlay (TiNetworkMap *self, const TiMapView *view, const graphene_rect_t *bounds,
                gboolean focused)
{
  int scale = self->layer_scale;
  cairo_surface_t *surface;
  cairo_t *cr;

  if (self->overlay.surface != NULL && self->overlay_layer == self->layer_renders
      && self->overlay_hovered == self->hovered && self->overlay_selected == self->selected
      && self->overlay_focused == focused && graphene_rect_equal (&self->overlay_bounds, bounds))
    return;
  self->overlay_layer = self->layer_renders;
  self->overlay_hovered = self->hovered;
  self->overlay_selected = self->selected;
  self->overlay_focused = focused;
  self->overlay_bounds = *bounds;
  surface = new_surface ((int) bounds->size.width, (int) bounds->size.height, scale);
  cr = cairo_create (surface);
  cairo_translate (cr, -bounds->origin.x, -bounds->origin.y);
  ti_network_map_draw_overlay (self, cr, view, self->layer_labels, focused);
  cairo_destroy (cr);
  picture_take (&self->overlay, surface);
}

/**
 * ti_network_map_clear_layer:
 * @self: a network map
 *
 * Lets go of what is kept between frames: the base, its legend and the stamps.
 */
void
ti_network_map_clear_layer (TiNetworkMap *self)
{
  picture_clear (&self->layer);
  picture_clear (&self->faded);
  picture_clear (&self->legend);
  picture_clear (&self->overlay);
  g_hash_table_remove_all (self->stamps);
}

/**
 * ti_network_map_snapshot_screen:
 * @self: a network map
 * @snapshot: the widget's snapshot
 * @focused: whether to draw the focus ring
 *
 * Shows the map as the screen has it: the base kept (drawn again only when it changed),
 * faded while a node is pointed at, the overlay over it, and the legend under or beside it.
 */
void
ti_network_map_snapshot_screen (TiNetworkMap *self, GtkSnapshot *snapshot, gboolean focused)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkNative *native = gtk_widget_get_native (widget);
  GskRenderer *renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;
  gboolean cairo_renderer = renderer == NULL || GSK_IS_CAIRO_RENDERER (renderer);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  gboolean fade = self->hovered >= 0 && self->draw_order->len > 0;
  graphene_rect_t bounds;
  TiMapLegendRoom room;
  TiMapView view;

  ti_network_map_get_screen_view (self, &view);
  update_layer (self, &view, scale);
  picture_append (fade ? faded_layer (self) : &self->layer, snapshot, 0, 0, scale,
                  cairo_renderer);
  if (ti_network_map_overlay_bounds (self, &view, self->layer_labels, focused, &bounds))
    {
      /* On whole pixels, as the picture is. */
      double left = floor (bounds.origin.x), top = floor (bounds.origin.y);

      bounds = GRAPHENE_RECT_INIT (left, top, ceil (bounds.origin.x + bounds.size.width) - left,
                                   ceil (bounds.origin.y + bounds.size.height) - top);
      update_overlay (self, &view, &bounds, focused);
      picture_append (&self->overlay, snapshot, left, top, scale, cairo_renderer);
    }

  ti_network_map_legend_room (self, width, height, &room);
  if (self->draw_order->len > 0 && room.legend.size.width >= 1 && room.legend.size.height >= 1)
    {
      update_legend (self, &room, scale);
      picture_append (&self->legend, snapshot, room.legend.origin.x, room.legend.origin.y, scale,
                      cairo_renderer);
    }
}
