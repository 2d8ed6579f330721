/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ti-network-map-private.h"
#include "ti-vocabulary.h"

/*
 * Drawing the network map, one path for the screen and for files: ties behind, a path per
 * class of weight; champions, a path per tier; organisations, a path per sector; then labels
 * where they have room, the selection and the legend. Whatever is out of view is not drawn.
 */

#define LABEL_MAX_WIDTH 160.0
#define LABEL_MAX_COUNT 300 /* a frame's labels at most, the most important first */
#define LEGEND_SWATCH 12.0

static const double tie_alpha[TI_MAP_N_TIE_CLASSES] = { 0.12, 0.16, 0.22, 0.28, 0.34, 0.40 };

void
ti_network_map_colour (TiNetworkMap *self, TiChartColour which, GdkRGBA *colour)
{
  ti_chart_style_colour (GTK_WIDGET (self), self->drawing_file, which, colour);
}

/**
 * ti_network_map_tier_marker:
 * @tier: a champion's highest tier, 0–3
 *
 * Returns: the shape that tells it, beside its colour
 */
TiChartMarker
ti_network_map_tier_marker (int tier)
{
  switch (tier)
    {
    case 3:
      return TI_CHART_MARKER_DIAMOND;
    case 2:
      return TI_CHART_MARKER_SQUARE;
    case 1:
      return TI_CHART_MARKER_TRIANGLE;
    default:
      return TI_CHART_MARKER_CIRCLE;
    }
}

void
ti_network_map_mix (const GdkRGBA *a, const GdkRGBA *b, double t, GdkRGBA *out)
{
  out->red = a->red * (1 - t) + b->red * t;
  out->green = a->green * (1 - t) + b->green * t;
  out->blue = a->blue * (1 - t) + b->blue * t;
  out->alpha = 1;
}

/* A champion's colour: the accent, lighter for lower tiers (the shape tells them too); a
 * champion with no tier yet in the dim text colour, hollow. */
void
ti_network_map_tier_colour (TiNetworkMap *self, int tier, GdkRGBA *colour)
{
  GdkRGBA accent, background;

  if (tier <= 0)
    {
      ti_network_map_colour (self, TI_CHART_COLOUR_DIM, colour);
      return;
    }
  ti_network_map_colour (self, TI_CHART_COLOUR_ACCENT, &accent);
  ti_network_map_colour (self, TI_CHART_COLOUR_BACKGROUND, &background);
  /* Towards white on a light background, towards a mid grey on a dark one, so a low tier
   * still stands out from the dark. */
  if (background.red + background.green + background.blue < 1.5)
    background = (GdkRGBA) { 0.75f, 0.75f, 0.75f, 1 };
  ti_network_map_mix (&accent, &background, tier == 1 ? 0.45 : tier == 2 ? 0.22 : 0.0, colour);
}

/**
 * ti_network_map_node_colour:
 * @self: a network map
 * @node: a node
 * @colour: (out caller-allocates): its fill: its sector's (organisations) or tier's (champions)
 */
void
ti_network_map_node_colour (TiNetworkMap *self, guint node, GdkRGBA *colour)
{
  TiMapNode *map_node = ti_network_map_map_node (self, node);

  if (ti_network_map_graph_node (self, node)->kind == TI_NETWORK_NODE_ORGANISATION)
    ti_chart_style_palette_colour (GTK_WIDGET (self), self->drawing_file, map_node->colour,
                                   colour);
  else
    ti_network_map_tier_colour (self, (int) map_node->colour, colour);
}

/**
 * ti_network_map_add_marker:
 * @cr: where to draw
 * @marker: a champion's shape
 * @x: its centre
 * @y: its centre
 * @r: its radius
 *
 * Adds a champion's marker to the path, as the map and its legend draw it.
 */
void
ti_network_map_add_marker (cairo_t *cr, TiChartMarker marker, double x, double y, double r)
{
  switch (marker)
    {
    case TI_CHART_MARKER_SQUARE:
      cairo_rectangle (cr, x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
      break;
    case TI_CHART_MARKER_DIAMOND:
      cairo_move_to (cr, x, y - r * 1.2);
      cairo_line_to (cr, x + r * 1.2, y);
      cairo_line_to (cr, x, y + r * 1.2);
      cairo_line_to (cr, x - r * 1.2, y);
      cairo_close_path (cr);
      break;
    case TI_CHART_MARKER_TRIANGLE:
      cairo_move_to (cr, x, y - r * 1.15);
      cairo_line_to (cr, x + r * 1.1, y + r * 0.85);
      cairo_line_to (cr, x - r * 1.1, y + r * 0.85);
      cairo_close_path (cr);
      break;
    case TI_CHART_MARKER_CIRCLE:
    case TI_CHART_MARKER_TRIANGLE_DOWN:
    case TI_CHART_N_MARKERS:
    default:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    }
}

static void
draw_empty (TiNetworkMap *self, cairo_t *cr, const TiMapView *view)
{
  g_autoptr (PangoLayout) layout = NULL;
  GdkRGBA dim;
  const char *text = self->nodes->len == 0
                       /* Translators: the network map with no organisations in the programme */
                       ? _("No organisations yet")
                       /* Translators: the network map when its filters leave nothing */
                       : _("Nobody matches these filters");

  ti_network_map_colour (self, TI_CHART_COLOUR_DIM, &dim);
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  pango_cairo_update_layout (cr, layout);
  ti_chart_show_layout (cr, layout, view->area.origin.x + view->area.size.width / 2,
                        view->area.origin.y + view->area.size.height / 2, 0.5, 0.5, &dim);
}

static gboolean
in_view (const TiMapView *view, double x, double y, double margin)
{
  const graphene_rect_t *area = &view->area;

  return x >= area->origin.x - margin && y >= area->origin.y - margin
         && x <= area->origin.x + area->size.width + margin
         && y <= area->origin.y + area->size.height + margin;
}

static double
tie_width (const TiMapView *view, guint tie_class)
{
  return (tie_class == 0 ? 0.7 : 0.5 + 0.45 * tie_class) * MIN (view->node_scale, 1.4);
}

/* Gathers the ties to draw: those in view, the strongest first, up to the frame's budget of
 * lines and of their length on screen (what cairo's time goes on). A champion's tie to their
 * organisation is drawn once close (far off, the layout keeps champions beside their
 * organisation) and where the two do not hide it. Files draw every tie. Returns whether any
 * in view were left out for the budget. */
static gboolean
gather_ties (TiNetworkMap *self, const TiMapView *view, const double *points, GArray *drawn)
{
  GArray *ties = self->graph->ties;
  double x_low = view->area.origin.x, y_low = view->area.origin.y;
  double x_high = x_low + view->area.size.width, y_high = y_low + view->area.size.height;
  double diagonal = hypot (view->area.size.width, view->area.size.height), length = 0;

  for (guint c = TI_MAP_N_TIE_CLASSES; c-- > 0;)
    {
      GArray *members = self->tie_classes[c];

      for (guint i = 0; i < members->len; i++)
        {
          guint index = g_array_index (members, guint, i);
          TiNetworkTie *tie = &g_array_index (ties, TiNetworkTie, index);
          const double *a = points + 2 * tie->source, *b = points + 2 * tie->target;
          double span;

          /* Off screen: both ends beyond the same edge. */
          if ((a[0] < x_low && b[0] < x_low) || (a[0] > x_high && b[0] > x_high)
              || (a[1] < y_low && b[1] < y_low) || (a[1] > y_high && b[1] > y_high))
            continue;
          span = hypot (b[0] - a[0], b[1] - a[1]);
          if (c == 0 && (view->zoom < TI_NETWORK_MAP_MEMBERSHIP_ZOOM
                         || span < ti_network_map_node_radius (self, view, tie->source)
                                     + ti_network_map_node_radius (self, view, tie->target) + 2))
            continue;
          length += MIN (span, diagonal);
          /* A file has all the time it needs: every tie in view. */
          if (!self->drawing_file
              && (drawn->len >= TI_NETWORK_MAP_TIE_BUDGET || length > TI_NETWORK_MAP_TIE_LENGTH))
            return TRUE;
          g_array_append_val (drawn, index);
        }
    }
  return FALSE;
}

/* Draws the ties gathered, the weakest first, under the stronger; a stroke each, which cairo
 * draws faster than one path of many crossing lines. */
static void
draw_ties (TiNetworkMap *self, cairo_t *cr, const TiMapView *view, const double *points)
{
  g_autoptr (GArray) drawn = g_array_new (FALSE, FALSE, sizeof (guint));
  GArray *ties = self->graph->ties;
  gboolean dimming = self->hovered >= 0;
  int current = -1;
  GdkRGBA foreground, colour;

  self->ties_left_out = gather_ties (self, view, points, drawn);
  ti_network_map_colour (self, TI_CHART_COLOUR_FOREGROUND, &foreground);
  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint i = drawn->len; i-- > 0;)
    {
      TiNetworkTie *tie = &g_array_index (ties, TiNetworkTie, g_array_index (drawn, guint, i));
      int tie_class = (int) ti_network_map_tie_class (tie);
      gboolean lit = (int) tie->source == self->hovered || (int) tie->target == self->hovered;

      if (dimming && lit)
        continue;
      if (tie_class != current)
        {
          current = tie_class;
          colour = foreground;
          colour.alpha = foreground.alpha * tie_alpha[tie_class] * (dimming ? 0.4 : 1.0);
          gdk_cairo_set_source_rgba (cr, &colour);
          cairo_set_line_width (cr, tie_width (view, (guint) tie_class));
        }
      cairo_move_to (cr, points[2 * tie->source], points[2 * tie->source + 1]);
      cairo_line_to (cr, points[2 * tie->target], points[2 * tie->target + 1]);
      cairo_stroke (cr);
    }

  /* The hovered node's ties stand out over the rest, every one of them. */
  for (guint c = 0; dimming && c < TI_MAP_N_TIE_CLASSES; c++)
    for (guint i = 0; i < self->tie_classes[c]->len; i++)
      {
        TiNetworkTie *tie = &g_array_index (ties, TiNetworkTie,
                                            g_array_index (self->tie_classes[c], guint, i));

        if ((int) tie->source == self->hovered || (int) tie->target == self->hovered)
          ti_chart_stroke_line (cr, points[2 * tie->source], points[2 * tie->source + 1],
                                points[2 * tie->target], points[2 * tie->target + 1],
                                tie_width (view, c) + 0.3, &foreground);
      }
  cairo_restore (cr);
}

/* Where ties were left out, the map says so, and how to see them, on a halo over what is
 * drawn there. */
static void
draw_ties_note (TiNetworkMap *self, cairo_t *cr, const TiMapView *view)
{
  g_autoptr (PangoLayout) layout = NULL;
  GdkRGBA dim, halo;
  double x = view->area.origin.x + TI_CHART_PADDING / 2;
  double y = view->area.origin.y + TI_CHART_PADDING / 2;
  int width, height;

  if (!self->ties_left_out)
    return;
  ti_network_map_colour (self, TI_CHART_COLOUR_DIM, &dim);
  ti_network_map_colour (self, TI_CHART_COLOUR_BACKGROUND, &halo);
  halo.alpha = 0.85f;
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self),
                                           /* Translators: on the network map, when it is
                                            * zoomed out too far to draw every tie */
                                           _("The strongest ties are drawn: zoom in for all"));
  pango_cairo_update_layout (cr, layout);
  pango_layout_get_pixel_size (layout, &width, &height);
  ti_chart_fill_rectangle (cr, x - 2, y - 1, width + 4, height + 2, &halo);
  ti_chart_show_layout (cr, layout, x, y, 0, 0, &dim);
}

/**
 * ti_network_map_add_ring:
 * @cr: where to draw
 * @x: its centre
 * @y: its centre
 * @r: its outer radius
 * @width: how thick
 *
 * Adds a ring to the path, to be filled: its inside turns the other way, a hole.
 */
void
ti_network_map_add_ring (cairo_t *cr, double x, double y, double r, double width)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  cairo_new_sub_path (cr);
  cairo_arc_negative (cr, x, y, MAX (r - width, 0), 2 * G_PI, 0);
}

/**
 * ti_network_map_edge_colour:
 * @self: a network map
 * @fill: an organisation's colour
 * @edge: (out caller-allocates): its edge's colour, where it needs one
 *
 * Returns: whether a circle of @fill needs an edge to stand at 3:1 from the background (a
 *   light fill on a light background does): its own colour, darkened
 */
gboolean
ti_network_map_edge_colour (TiNetworkMap *self, const GdkRGBA *fill, GdkRGBA *edge)
{
  return ti_chart_style_edge_colour (GTK_WIDGET (self), self->drawing_file, fill, edge);
}

/**
 * ti_network_map_fill_nodes:
 * @self: a network map
 * @cr: where to draw, its path the nodes' shapes (rings with their holes)
 * @fill: their colour
 * @dimmed: whether they are faded, another node being pointed at
 *
 * Fills the path: nodes and their edges are filled, never stroked, as filling is what cairo
 * does fast (an organisation's edge is a ring, ti_network_map_add_ring()).
 */
void
ti_network_map_fill_nodes (TiNetworkMap *self, cairo_t *cr, const GdkRGBA *fill,
                           gboolean dimmed)
{
  GdkRGBA colour = *fill;

  if (dimmed)
    colour.alpha *= 0.3f;
  gdk_cairo_set_source_rgba (cr, &colour);
  cairo_fill (cr);
}

/**
 * ti_network_map_fill_circle:
 * @self: a network map
 * @cr: where to draw
 * @x: the circle's centre
 * @y: the circle's centre
 * @r: its radius
 * @fill: its colour
 * @edge: (nullable): its edge's colour, a pixel wide, or %NULL for none
 * @dimmed: whether it is faded
 *
 * Draws an organisation's circle, with its edge as a circle a pixel bigger behind it (two
 * fills cost cairo less than a stroke or a ring).
 */
void
ti_network_map_fill_circle (TiNetworkMap *self, cairo_t *cr, double x, double y, double r,
                            const GdkRGBA *fill, const GdkRGBA *edge, gboolean dimmed)
{
  if (edge != NULL)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r + 1, 0, 2 * G_PI);
      ti_network_map_fill_nodes (self, cr, edge, dimmed);
    }
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  ti_network_map_fill_nodes (self, cr, fill, dimmed);
}

#define CHAMPION_SHAPE_RADIUS(self, view) (TI_NETWORK_MAP_CHAMPION_RADIUS * (view)->node_scale)

/* Champions with no tier are rings; so are organisations of sectors past the palette's eight
 * colours, which it repeats. */
static double
ring_width (int kind, int colour)
{
  if (kind == TI_NETWORK_NODE_CHAMPION)
    return colour == 0 ? 1.5 : 0;
  return colour >= (int) ti_chart_palette_size () ? 3.0 : 0;
}

/* Whether champions are drawn as their tier's shapes: when there is room for them and few
 * enough are in view for cairo to fill each in a frame's time; dots otherwise. */
static gboolean
champion_shapes (TiNetworkMap *self, const TiMapView *view, const double *points)
{
  guint in_sight = 0;

  if (CHAMPION_SHAPE_RADIUS (self, view) < TI_NETWORK_MAP_SHAPE_RADIUS)
    return FALSE;
  for (guint i = 0; i < self->draw_order->len; i++)
    {
      guint index = g_array_index (self->draw_order, guint, i);

      if (ti_network_map_graph_node (self, index)->kind != TI_NETWORK_NODE_CHAMPION)
        break;
      if (in_view (view, points[2 * index], points[2 * index + 1], 0)
          && ++in_sight > TI_NETWORK_MAP_SHAPES_MAX)
        return FALSE;
    }
  return TRUE;
}

static void
draw_nodes (TiNetworkMap *self, cairo_t *cr, const TiMapView *view, const double *points)
{
  gboolean dimming = self->hovered >= 0, shapes = champion_shapes (self, view, points);
  int group_kind = -1, group_colour = -1, group_dimmed = -1;
  GdkRGBA fill = { 0 }, edge_colour = { 0 };
  const GdkRGBA *edge = NULL;
  gboolean any = FALSE;
  double ring = 0;

  cairo_save (cr);
  cairo_new_path (cr);
  for (guint i = 0; i < self->draw_order->len; i++)
    {
      guint index = g_array_index (self->draw_order, guint, i);
      TiNetworkNode *node = ti_network_map_graph_node (self, index);
      TiMapNode *map_node = ti_network_map_map_node (self, index);
      double r = map_node->radius * view->node_scale;
      double x = points[2 * index], y = points[2 * index + 1];
      int dimmed = dimming && !map_node->lit;
      gboolean dot = node->kind == TI_NETWORK_NODE_CHAMPION && !shapes;

      if (!in_view (view, x, y, r + 2))
        continue;
      if ((int) node->kind != group_kind || (int) map_node->colour != group_colour
          || dimmed != group_dimmed)
        {
          if (any)
            ti_network_map_fill_nodes (self, cr, &fill, group_dimmed);
          group_kind = node->kind;
          group_colour = (int) map_node->colour;
          group_dimmed = dimmed;
          ring = ring_width (group_kind, group_colour);
          ti_network_map_node_colour (self, index, &fill);
          edge = ti_network_map_edge_colour (self, &fill, &edge_colour) ? &edge_colour : NULL;
          any = FALSE;
        }
      if (dot)
        {
          /* A dot of the tier's colour on whole pixels, which cairo fills fastest, a path
           * for them all. */
          double side = MAX (round (2 * r), 2);

          cairo_rectangle (cr, round (x - side / 2), round (y - side / 2), side, side);
          any = TRUE;
          continue;
        }
      /* Shapes that overlap are filled one by one: one path of many crossing shapes costs
       * cairo more. */
      if (node->kind == TI_NETWORK_NODE_ORGANISATION && ring == 0)
        {
          ti_network_map_fill_circle (self, cr, x, y, r, &fill, edge, group_dimmed);
          continue;
        }
      if (ring > 0)
        ti_network_map_add_ring (cr, x, y, r, ring);
      else
        ti_network_map_add_marker (cr, ti_network_map_tier_marker (node->tier), x, y, r);
      ti_network_map_fill_nodes (self, cr, &fill, group_dimmed);
    }
  if (any)
    ti_network_map_fill_nodes (self, cr, &fill, group_dimmed);
  cairo_restore (cr);
}

static void
ring (cairo_t *cr, double x, double y, double r, double width, const GdkRGBA *colour)
{
  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, colour);
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
measure_label (TiNetworkMap *self, PangoLayout *layout, guint index)
{
  TiMapNode *map_node = ti_network_map_map_node (self, index);
  const char *label = ti_network_map_graph_node (self, index)->label;

  if (map_node->label_width >= 0)
    return;
  pango_layout_set_text (layout, label ? label : "", -1);
  pango_layout_set_width (layout, -1);
  pango_layout_get_pixel_size (layout, &map_node->label_width, &map_node->label_height);
  map_node->label_width = MIN (map_node->label_width, (int) LABEL_MAX_WIDTH);
}

static gboolean
overlaps (GArray *placed, const graphene_rect_t *rect)
{
  for (guint i = 0; i < placed->len; i++)
    if (graphene_rect_intersection (&g_array_index (placed, graphene_rect_t, i), rect, NULL))
      return TRUE;
  return FALSE;
}

/* Tries the label of @index under its node; draws it when it meets no label already drawn. */
static void
place_label (TiNetworkMap *self, cairo_t *cr, PangoLayout *layout, const TiMapView *view,
             const double *points, guint index, GArray *placed)
{
  TiMapNode *map_node = ti_network_map_map_node (self, index);
  double x = points[2 * index], y = points[2 * index + 1];
  double r = map_node->radius * view->node_scale;
  graphene_rect_t rect;
  GdkRGBA text, halo;

  if (!in_view (view, x, y, LABEL_MAX_WIDTH / 2))
    return;
  measure_label (self, layout, index);
  /* Kept inside the view, where it would run off an edge. */
  x = CLAMP (x, view->area.origin.x + map_node->label_width / 2.0 + 2,
             view->area.origin.x + view->area.size.width - map_node->label_width / 2.0 - 2);
  rect = GRAPHENE_RECT_INIT (x - map_node->label_width / 2.0 - 2, y + r + 1,
                             map_node->label_width + 4, map_node->label_height + 2);
  if (overlaps (placed, &rect))
    return;
  g_array_append_val (placed, rect);

  ti_network_map_colour (self, TI_CHART_COLOUR_BACKGROUND, &halo);
  halo.alpha = 0.75f;
  ti_chart_fill_rectangle (cr, rect.origin.x, rect.origin.y, rect.size.width, rect.size.height,
                           &halo);
  ti_network_map_colour (self, TI_CHART_COLOUR_FOREGROUND, &text);
  if (self->hovered >= 0 && !map_node->lit)
    text.alpha *= 0.5f;
  pango_layout_set_text (layout, ti_network_map_graph_node (self, index)->label, -1);
  pango_layout_set_width (layout, (int) (LABEL_MAX_WIDTH * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  ti_chart_show_layout (cr, layout, x - LABEL_MAX_WIDTH / 2, rect.origin.y + 1, 0, 0, &text);
}

/* Labels the most important first, where they have room: the selected and hovered nodes,
 * organisations by size and, once close, champions. */
static void
draw_labels (TiNetworkMap *self, cairo_t *cr, const TiMapView *view, const double *points)
{
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  g_autoptr (GArray) placed = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  gboolean champions = view->zoom >= TI_NETWORK_MAP_CHAMPION_LABEL_ZOOM;

  pango_cairo_update_layout (cr, layout);
  if (self->selected >= 0)
    place_label (self, cr, layout, view, points, (guint) self->selected, placed);
  if (self->hovered >= 0 && self->hovered != self->selected)
    place_label (self, cr, layout, view, points, (guint) self->hovered, placed);
  /* Organisations' labels keep off each other, on their halo. */
  for (guint i = 0; i < self->label_priority->len && placed->len < LABEL_MAX_COUNT; i++)
    {
      guint index = g_array_index (self->label_priority, guint, i);

      if (ti_network_map_graph_node (self, index)->kind != TI_NETWORK_NODE_ORGANISATION)
        break;
      if ((int) index != self->selected && (int) index != self->hovered)
        place_label (self, cr, layout, view, points, index, placed);
    }
  if (!champions)
    return;
  /* Champions' labels keep off those and off the organisations' circles too. */
  for (guint i = 0; i < self->label_priority->len; i++)
    {
      guint index = g_array_index (self->label_priority, guint, i);
      double x = points[2 * index], y = points[2 * index + 1];
      double r = ti_network_map_node_radius (self, view, index);
      graphene_rect_t circle = GRAPHENE_RECT_INIT (x - r, y - r, 2 * r, 2 * r);

      if (ti_network_map_graph_node (self, index)->kind != TI_NETWORK_NODE_ORGANISATION)
        break;
      if (in_view (view, x, y, r))
        g_array_append_val (placed, circle);
    }
  for (guint i = 0, first = placed->len;
       i < self->label_priority->len && placed->len - first < LABEL_MAX_COUNT; i++)
    {
      guint index = g_array_index (self->label_priority, guint, i);

      if (ti_network_map_graph_node (self, index)->kind == TI_NETWORK_NODE_CHAMPION
          && (int) index != self->selected && (int) index != self->hovered)
        place_label (self, cr, layout, view, points, index, placed);
    }
}

static void
draw_highlights (TiNetworkMap *self, cairo_t *cr, const TiMapView *view, const double *points)
{
  GdkRGBA accent, foreground;

  ti_network_map_colour (self, TI_CHART_COLOUR_ACCENT, &accent);
  ti_network_map_colour (self, TI_CHART_COLOUR_FOREGROUND, &foreground);
  if (self->hovered >= 0)
    ring (cr, points[2 * self->hovered], points[2 * self->hovered + 1],
          ti_network_map_node_radius (self, view, (guint) self->hovered) + 2, 2, &foreground);
  if (self->selected >= 0)
    ring (cr, points[2 * self->selected], points[2 * self->selected + 1],
          ti_network_map_node_radius (self, view, (guint) self->selected) + 3.5, 3, &accent);
}

static void
draw_focus_ring (TiNetworkMap *self, cairo_t *cr, const TiMapView *view)
{
  GdkRGBA accent;
  const graphene_rect_t *area = &view->area;

  ti_network_map_colour (self, TI_CHART_COLOUR_ACCENT, &accent);
  accent.alpha = 0.5f;
  cairo_save (cr);
  gdk_cairo_set_source_rgba (cr, &accent);
  cairo_set_line_width (cr, 2);
  cairo_rectangle (cr, area->origin.x + 1, area->origin.y + 1, area->size.width - 2,
                   area->size.height - 2);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/**
 * ti_network_map_draw_view:
 * @self: a network map
 * @cr: where to draw
 * @view: where the graph is drawn
 * @focused: whether to draw the focus ring
 *
 * Draws the map as @view sees it: what is out of view is left out.
 */
void
ti_network_map_draw_view (TiNetworkMap *self, cairo_t *cr, const TiMapView *view,
                          gboolean focused)
{
  g_autofree double *points = NULL;

  if (self->draw_order->len == 0)
    draw_empty (self, cr, view);
  else
    {
      points = g_new (double, 2 * self->nodes->len);
      for (guint i = 0; i < self->nodes->len; i++)
        {
          TiNetworkNode *node = ti_network_map_graph_node (self, i);

          ti_network_map_view_point (view, node->x, node->y, &points[2 * i], &points[2 * i + 1]);
        }
      cairo_save (cr);
      cairo_rectangle (cr, view->area.origin.x, view->area.origin.y, view->area.size.width,
                       view->area.size.height);
      cairo_clip (cr);
      draw_ties (self, cr, view, points);
      draw_nodes (self, cr, view, points);
      draw_highlights (self, cr, view, points);
      draw_labels (self, cr, view, points);
      draw_ties_note (self, cr, view);
      cairo_restore (cr);
    }
  if (focused)
    draw_focus_ring (self, cr, view);
}
