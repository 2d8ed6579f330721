/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-chart"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "ti-network-map-private.h"
#include "ti-vocabulary.h"

/*
 * Drawing the network map, one path for the screen and for files, in two layers. The base:
 * ties behind, the strongest first up to a frame's budget; champions, a path of dots per tier
 * or their tier's shapes; organisations, a circle each; then labels where they have room. The
 * overlay, over it: where a node is pointed at, the base faded and that node, its ties and
 * its neighbours drawn again over it; the rings of the hovered and the selected node; the
 * focus ring. The screen keeps the base between frames and draws only the overlay when the
 * pointer moves, and stamps nodes' shapes where files fill each (ti-network-map-layer.c); a
 * file draws both layers in vectors. Whatever is out of view is not drawn.
 */

/* Ties' opacity by class (membership, then by weight): strong enough to read at "fit" over
 * thousands of champions' dots, in light and dark styles alike. */
static const double tie_alpha[TI_MAP_N_TIE_CLASSES] = { 0.28, 0.32, 0.40, 0.48, 0.56, 0.64 };
/* In the high-contrast style, ties this many times as opaque (at most wholly) and this many
 * pixels thicker, and every organisation outlined in the text colour. */
#define STRONG_TIE_ALPHA 1.6
#define STRONG_TIE_WIDTH 0.5

/* Whether the screen is in the high-contrast style (a file is always drawn in the light
 * style's colours). */
static gboolean
strong_style (TiNetworkMap *self)
{
  return !self->drawing_file && adw_is_initialized ()
         && adw_style_manager_get_high_contrast (adw_style_manager_get_default ());
}

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

/* At least a pixel wide: thinner, antialiased ties faded to nothing at "fit". */
static double
tie_width (TiNetworkMap *self, const TiMapView *view, guint tie_class)
{
  return (tie_class == 0 ? 0.8 : 0.6 + 0.45 * tie_class) * CLAMP (view->node_scale, 1.0, 1.4)
         + (strong_style (self) ? STRONG_TIE_WIDTH : 0);
}

/* Whether @tie is in a group other than the largest. */
static gboolean
minor_tie (TiNetworkMap *self, const TiNetworkTie *tie)
{
  return ti_network_map_graph_node (self, tie->source)->component != 0;
}

/* The length of the segment from @a to @b inside @area (clipped as Liang and Barsky do): what
 * of a tie shows, and what cairo spends its time on; 0 when none of it shows. */
static double
visible_length (const graphene_rect_t *area, const double *a, const double *b)
{
  double dx = b[0] - a[0], dy = b[1] - a[1], low = 0, high = 1;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { a[0] - area->origin.x, area->origin.x + area->size.width - a[0],
                  a[1] - area->origin.y, area->origin.y + area->size.height - a[1] };

  for (int i = 0; i < 4; i++)
    {
      if (p[i] == 0)
        {
          if (q[i] < 0)
            return 0;
        }
      else if (p[i] < 0)
        low = MAX (low, q[i] / p[i]);
      else
        high = MIN (high, q[i] / p[i]);
    }
  return high > low ? (high - low) * hypot (dx, dy) : 0;
}

/* Adds the tie @index to @drawn if it is in view and worth drawing; FALSE when the frame's
 * budget is spent. */
static gboolean
gather_tie (TiNetworkMap *self, const TiMapView *view, const double *points, guint index,
            double *length, GArray *drawn)
{
  TiNetworkTie *tie = &g_array_index (self->graph->ties, TiNetworkTie, index);
  const double *a = points + 2 * tie->source, *b = points + 2 * tie->target;
  double shown = visible_length (&view->area, a, b);

  /* Off screen. */
  if (shown <= 0)
    return TRUE;
  if (tie->membership
      && (view->zoom < TI_NETWORK_MAP_MEMBERSHIP_ZOOM
          || hypot (b[0] - a[0], b[1] - a[1])
               < ti_network_map_node_radius (self, view, tie->source)
                   + ti_network_map_node_radius (self, view, tie->target) + 2))
    return TRUE;
  /* Zoomed in, a tie is mostly beyond the edges: what shows is what costs. */
  *length += shown;
  /* A file has all the time it needs: every tie in view. */
  if (!self->drawing_file
      && (drawn->len >= TI_NETWORK_MAP_TIE_BUDGET || *length > TI_NETWORK_MAP_TIE_LENGTH))
    return FALSE;
  g_array_append_val (drawn, index);
  return TRUE;
}

/* Gathers the ties to draw: those in view, up to the frame's budget of lines and of their
 * length on screen (what cairo's time goes on): first those of the groups beside the largest
 * (a few, and a pair of organisations drawn without its tie looks like two lone ones), then
 * the strongest first. A champion's tie to their organisation is drawn once close (far off,
 * the layout keeps champions beside their organisation) and where the two do not hide it.
 * Files draw every tie. Returns whether any in view were left out for the budget. */
static gboolean
gather_ties (TiNetworkMap *self, const TiMapView *view, const double *points, GArray *drawn)
{
  GArray *ties = self->graph->ties;
  double length = 0;

  for (guint pass = 0; pass < 2; pass++)
    for (guint c = TI_MAP_N_TIE_CLASSES; c-- > 0;)
      {
        GArray *members = self->tie_classes[c];

        for (guint i = 0; i < members->len; i++)
          {
            guint index = g_array_index (members, guint, i);

            if (minor_tie (self, &g_array_index (ties, TiNetworkTie, index)) != (pass == 0))
              continue;
            if (!gather_tie (self, view, points, index, &length, drawn))
              return TRUE;
          }
      }
  return FALSE;
}

/* Draws the ties gathered, the weakest first, under the stronger; a stroke each, which cairo
 * draws faster than one path of many crossing lines, with butt ends, which it strokes faster
 * than round ones (at a pixel wide the ends do not show, and nodes cover them). */
static void
draw_ties (TiNetworkMap *self, cairo_t *cr, const TiMapView *view, const double *points)
{
  g_autoptr (GArray) drawn = g_array_new (FALSE, FALSE, sizeof (guint));
  GArray *ties = self->graph->ties;
  int current = -1;
  double strength = strong_style (self) ? STRONG_TIE_ALPHA : 1;
  GdkRGBA foreground, colour;

  self->ties_left_out = gather_ties (self, view, points, drawn);
  ti_network_map_colour (self, TI_CHART_COLOUR_FOREGROUND, &foreground);
  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  for (guint i = drawn->len; i-- > 0;)
    {
      TiNetworkTie *tie = &g_array_index (ties, TiNetworkTie, g_array_index (drawn, guint, i));
      int tie_class = (int) ti_network_map_tie_class (tie);

      if (tie_class != current)
        {
          current = tie_class;
          colour = foreground;
          colour.alpha = foreground.alpha * MIN (tie_alpha[tie_class] * strength, 1);
          gdk_cairo_set_source_rgba (cr, &colour);
          cairo_set_line_width (cr, tie_width (self, view, (guint)tie_class));
        }
      cairo_move_to (cr, points[2 * tie->source], points[2 * tie->source + 1]);
      cairo_line_to (cr, points[2 * tie->target], points[2 * tie->target + 1]);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

/* The hovered node's ties, every one of them, over the faded base. */
static void
draw_lit_ties (TiNetworkMap *self, cairo_t *cr, const TiMapView *view, const double *points)
{
  GArray *ties = self->graph->ties;
  GdkRGBA foreground;

  ti_network_map_colour (self, TI_CHART_COLOUR_FOREGROUND, &foreground);
  cairo_save (cr);
  gdk_cairo_set_source_rgba (cr, &foreground);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  for (guint c = 0; c < TI_MAP_N_TIE_CLASSES; c++)
    {
      cairo_set_line_width (cr, tie_width (self, view, c) + 0.3);
      for (guint i = 0; i < self->tie_classes[c]->len; i++)
        {
          TiNetworkTie *tie = &g_array_index (ties, TiNetworkTie,
                                              g_array_index (self->tie_classes[c], guint, i));

          if ((int) tie->source != self->hovered && (int) tie->target != self->hovered)
            continue;
          cairo_move_to (cr, points[2 * tie->source], points[2 * tie->source + 1]);
          cairo_line_to (cr, points[2 * tie->target], points[2 * tie->target + 1]);
          cairo_stroke (cr);
        }
    }
  cairo_restore (cr);
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
 *   light fill on a light background does): its own colour, darkened; in the high-contrast
 *   style every circle has one, in the text colour
 */
gboolean
ti_network_map_edge_colour (TiNetworkMap *self, const GdkRGBA *fill, GdkRGBA *edge)
{
  if (strong_style (self))
    {
      ti_network_map_colour (self, TI_CHART_COLOUR_FOREGROUND, edge);
      return TRUE;
    }
  return ti_chart_style_edge_colour (GTK_WIDGET (self), self->drawing_file, fill, edge);
}

/**
 * ti_network_map_fill_nodes:
 * @cr: where to draw, its path the nodes' shapes (rings with their holes)
 * @fill: their colour
 *
 * Fills the path: nodes and their edges are filled, never stroked, as filling is what cairo
 * does fast (an organisation's edge is a ring, ti_network_map_add_ring()).
 */
void
ti_network_map_fill_nodes (cairo_t *cr, const GdkRGBA *fill)
{
  gdk_cairo_set_source_rgba (cr, fill);
  cairo_fill (cr);
}

/**
 * ti_network_map_fill_circle:
 * @cr: where to draw
 * @x: the circle's centre
 * @y: the circle's centre
 * @r: its radius
 * @fill: its colour
 * @edge: (nullable): its edge's colour, a pixel wide, or %NULL for none
 *
 * Draws an organisation's circle, with its edge as a circle a pixel bigger behind it (two
 * fills cost cairo less than a stroke or a ring).
 */
void
ti_network_map_fill_circle (cairo_t *cr, double x, double y, double r, const GdkRGBA *fill,
                            const GdkRGBA *edge)
{
  if (edge != NULL)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r + 1, 0, 2 * G_PI);
      ti_network_map_fill_nodes (cr, edge);
    }
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  ti_network_map_fill_nodes (cr, fill);
}

/**
 * ti_network_map_fill_shape:
 * @cr: where to draw
 * @marker: a champion's tier's shape, or a circle for an organisation
 * @ring: how thick a ring it is instead (no tier yet, a sector past the palette), or 0
 * @x: its centre
 * @y: its centre
 * @r: its radius
 * @fill: its colour
 * @edge: (nullable): an organisation's edge's colour, or %NULL for none
 *
 * Draws a node's shape.
 */
void
ti_network_map_fill_shape (cairo_t *cr, TiChartMarker marker, double ring, double x, double y,
                           double r, const GdkRGBA *fill, const GdkRGBA *edge)
{
  cairo_new_path (cr);
  if (ring > 0)
    ti_network_map_add_ring (cr, x, y, r, ring);
  else if (marker == TI_CHART_MARKER_CIRCLE)
    {
      ti_network_map_fill_circle (cr, x, y, r, fill, edge);
      return;
    }
  else
    ti_network_map_add_marker (cr, marker, x, y, r);
  ti_network_map_fill_nodes (cr, fill);
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

/* A kind of node's colours in a frame: an organisation's sector's or a champion's tier's,
 * with the edge it needs, looked up in the style once a frame rather than once a node. */
typedef struct
{
  GdkRGBA fill;
  GdkRGBA edge;
  gboolean edged;
  gboolean known;
} NodeColours;

static const NodeColours *
colours_of (TiNetworkMap *self, NodeColours *colours, guint index)
{
  TiMapNode *map_node = ti_network_map_map_node (self, index);
  gboolean organisation = ti_network_map_graph_node (self, index)->kind
                          == TI_NETWORK_NODE_ORGANISATION;
  /* Champions' tiers after the sectors (and the place of organisations without one). */
  NodeColours *kind = &colours[organisation ? map_node->colour : self->sectors->len + 1
                                                                   + map_node->colour];

  if (!kind->known)
    {
      ti_network_map_node_colour (self, index, &kind->fill);
      kind->edged = organisation && ti_network_map_edge_colour (self, &kind->fill, &kind->edge);
      kind->known = TRUE;
    }
  return kind;
}

typedef enum
{
  NODES_ALL,
  NODES_CHAMPIONS,
  NODES_ORGANISATIONS,
  NODES_HUBS, /* the organisations drawn bigger than the rest */
} NodesDrawn;

/* An organisation drawn at this radius or more (16 champions) is a hub: the ties drawn over
 * the organisations (the organisations only, zoomed out) go under it, as its name does not
 * hide under a star of lines. */
#define HUB_RADIUS 8.0

/* Draws the shown nodes in view (@which of them), or only those lit by the hovered node
 * (@lit_only, over the faded base): champions, then organisations over them, the smaller over
 * the bigger. */
static void
draw_nodes (TiNetworkMap *self, cairo_t *cr, const TiMapView *view, const double *points,
            gboolean lit_only, NodesDrawn which)
{
  g_autofree NodeColours *colours = g_new0 (NodeColours, self->sectors->len + 1 + 4);
  gboolean shapes = champion_shapes (self, view, points);
  const NodeColours *dots = NULL;

  cairo_save (cr);
  cairo_new_path (cr);
  for (guint i = 0; i < self->draw_order->len; i++)
    {
      guint index = g_array_index (self->draw_order, guint, i);
      TiNetworkNode *node = ti_network_map_graph_node (self, index);
      TiMapNode *map_node = ti_network_map_map_node (self, index);
      double r = map_node->radius * view->node_scale;
      double x = points[2 * index], y = points[2 * index + 1];
      double ring = ring_width (node->kind, (int) map_node->colour);
      const NodeColours *colour;
      TiChartMarker marker;

      if ((lit_only && !map_node->lit) || !in_view (view, x, y, r + 2)
          || (which == NODES_CHAMPIONS && node->kind != TI_NETWORK_NODE_CHAMPION)
          || (which == NODES_ORGANISATIONS && node->kind != TI_NETWORK_NODE_ORGANISATION)
          || (which == NODES_HUBS
              && (node->kind != TI_NETWORK_NODE_ORGANISATION || map_node->radius < HUB_RADIUS)))
        continue;
      colour = colours_of (self, colours, index);
      if (dots != NULL && dots != colour)
        {
          ti_network_map_fill_nodes (cr, &dots->fill);
          dots = NULL;
        }
      if (node->kind == TI_NETWORK_NODE_CHAMPION && !shapes)
        {
          /* A dot of the tier's colour on whole pixels, which cairo fills fastest, a path
           * for a tier's (champions come in their tiers' order). */
          double side = MAX (round (2 * r), 2);

          cairo_rectangle (cr, round (x - side / 2), round (y - side / 2), side, side);
          dots = colour;
          continue;
        }
      /* Shapes that overlap are filled one by one: one path of many crossing shapes costs
       * cairo more; the screen's base stamps them, each drawn once. */
      marker = node->kind == TI_NETWORK_NODE_ORGANISATION ? TI_CHART_MARKER_CIRCLE
                                                          : ti_network_map_tier_marker (node->tier);
      if (!ti_network_map_stamp (self, cr, marker, ring, x, y, r, &colour->fill,
                                 colour->edged ? &colour->edge : NULL))
        ti_network_map_fill_shape (cr, marker, ring, x, y, r, &colour->fill,
                                   colour->edged ? &colour->edge : NULL);
    }
  if (dots != NULL)
    ti_network_map_fill_nodes (cr, &dots->fill);
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
 * ti_network_map_view_points:
 * @self: a network map
 * @view: where the graph is drawn
 *
 * Returns: (transfer full): where each node's centre is drawn, x and y by turns
 */
double *
ti_network_map_view_points (TiNetworkMap *self, const TiMapView *view)
{
  double *points = g_new (double, 2 * self->nodes->len);

  for (guint i = 0; i < self->nodes->len; i++)
    {
      TiNetworkNode *node = ti_network_map_graph_node (self, i);

      ti_network_map_view_point (view, node->x, node->y, &points[2 * i], &points[2 * i + 1]);
    }
  return points;
}

static void
clip_to_view (cairo_t *cr, const TiMapView *view)
{
  cairo_rectangle (cr, view->area.origin.x, view->area.origin.y, view->area.size.width,
                   view->area.size.height);
  cairo_clip (cr);
}

/**
 * ti_network_map_draw_base:
 * @self: a network map
 * @cr: where to draw
 * @view: where the graph is drawn
 * @labels: (element-type TiMapLabel): where to put the labels drawn
 *
 * Draws the map as @view sees it, but for what pointing and the selection's ring add: ties,
 * nodes and labels where they have room (whether ties in view were left out is in
 * #TiNetworkMap.ties_left_out, for the legend to say).
 */
void
ti_network_map_draw_base (TiNetworkMap *self, cairo_t *cr, const TiMapView *view,
                          GArray *labels)
{
  g_autofree double *points = NULL;
  g_autoptr (PangoLayout) layout = NULL;

  g_array_set_size (labels, 0);
  if (self->draw_order->len == 0)
    {
      draw_empty (self, cr, view);
      return;
    }
  points = ti_network_map_view_points (self, view);
  cairo_save (cr);
  clip_to_view (cr, view);
  /* Zoomed out, champions are thousands of dots that hid every tie: the ties go over them,
   * under the organisations; with the organisations only, theirs are the dots that crowd
   * the middle of the map, and the ties go over them but under the hubs. Zoomed in, nodes have room around
   * them, and the ties go under them. */
  if (self->graph->mode == TI_NETWORK_ORGANISATIONS && view->zoom < TI_NETWORK_MAP_MEMBERSHIP_ZOOM)
    {
      draw_nodes (self, cr, view, points, FALSE, NODES_ALL);
      draw_ties (self, cr, view, points);
      draw_nodes (self, cr, view, points, FALSE, NODES_HUBS);
    }
  else if (champion_shapes (self, view, points))
    {
      draw_ties (self, cr, view, points);
      draw_nodes (self, cr, view, points, FALSE, NODES_ALL);
    }
  else
    {
      draw_nodes (self, cr, view, points, FALSE, NODES_CHAMPIONS);
      draw_ties (self, cr, view, points);
      draw_nodes (self, cr, view, points, FALSE, NODES_ORGANISATIONS);
    }
  layout = ti_network_map_label_layout (self, cr);
  ti_network_map_place_labels (self, layout, view, points, labels);
  for (guint i = 0; i < labels->len; i++)
    ti_network_map_draw_label (self, cr, layout, &g_array_index (labels, TiMapLabel, i));
  cairo_restore (cr);
}

static void
add_to (graphene_rect_t *bounds, gboolean *any, const graphene_rect_t *rect)
{
  if (*any)
    graphene_rect_union (bounds, rect, bounds);
  else
    *bounds = *rect;
  *any = TRUE;
}

/**
 * ti_network_map_overlay_bounds:
 * @self: a network map
 * @view: where the graph is drawn
 * @labels: (element-type TiMapLabel): the labels the base drew
 * @focused: whether the focus ring is drawn
 * @bounds: (out caller-allocates): where ti_network_map_draw_overlay() draws
 *
 * Returns: whether it draws anything
 */
gboolean
ti_network_map_overlay_bounds (TiNetworkMap *self, const TiMapView *view, GArray *labels,
                               gboolean focused, graphene_rect_t *bounds)
{
  gboolean any = FALSE, labelled = FALSE;

  if (focused)
    {
      *bounds = view->area;
      return TRUE;
    }
  if (self->draw_order->len == 0 || (self->hovered < 0 && self->selected < 0))
    return FALSE;
  /* The nodes drawn again and ringed (ties join them, so lie between them), their labels. */
  for (guint i = 0; i < self->nodes->len; i++)
    {
      TiNetworkNode *node = ti_network_map_graph_node (self, i);
      double x, y, reach;

      if (!(self->hovered >= 0 && ti_network_map_map_node (self, i)->lit)
          && (int) i != self->selected)
        continue;
      ti_network_map_view_point (view, node->x, node->y, &x, &y);
      reach = 1.25 * ti_network_map_node_radius (self, view, i) + 6;
      add_to (bounds, &any, &GRAPHENE_RECT_INIT (x - reach, y - reach, 2 * reach, 2 * reach));
    }
  for (guint i = 0; self->hovered >= 0 && i < labels->len; i++)
    {
      TiMapLabel *label = &g_array_index (labels, TiMapLabel, i);

      if (ti_network_map_map_node (self, label->node)->lit)
        add_to (bounds, &any, &label->box);
      labelled |= (int) label->node == self->hovered;
    }
  if (self->hovered >= 0 && !labelled)
    {
      g_autoptr (PangoLayout) layout = ti_network_map_label_layout (self, NULL);
      g_autofree double *points = ti_network_map_view_points (self, view);
      TiMapLabel label;

      ti_network_map_place_one_label (self, layout, view, points, (guint) self->hovered, &label);
      add_to (bounds, &any, &label.box);
    }
  return any && graphene_rect_intersection (bounds, &view->area, bounds);
}

/**
 * ti_network_map_draw_overlay:
 * @self: a network map
 * @cr: where to draw, over the base (faded where a node is pointed at)
 * @view: where the graph is drawn
 * @labels: (element-type TiMapLabel): the labels the base drew
 * @focused: whether to draw the focus ring
 *
 * Draws what pointing adds over the base: the hovered node with its ties, its neighbours and
 * their labels as they were, and its own label; the rings of the hovered and selected nodes;
 * the focus ring.
 */
void
ti_network_map_draw_overlay (TiNetworkMap *self, cairo_t *cr, const TiMapView *view,
                             GArray *labels, gboolean focused)
{
  g_autofree double *points = NULL;

  if (self->draw_order->len > 0 && (self->hovered >= 0 || self->selected >= 0))
    {
      points = ti_network_map_view_points (self, view);
      cairo_save (cr);
      clip_to_view (cr, view);
      if (self->hovered >= 0)
        {
          g_autoptr (PangoLayout) layout = ti_network_map_label_layout (self, cr);
          gboolean labelled = FALSE;

          draw_lit_ties (self, cr, view, points);
          draw_nodes (self, cr, view, points, TRUE, NODES_ALL);
          for (guint i = 0; i < labels->len; i++)
            {
              TiMapLabel *label = &g_array_index (labels, TiMapLabel, i);

              if (ti_network_map_map_node (self, label->node)->lit)
                ti_network_map_draw_label (self, cr, layout, label);
              labelled |= (int) label->node == self->hovered;
            }
          /* The node pointed at is named whatever room there is, over the rest. */
          if (!labelled)
            {
              TiMapLabel label;

              ti_network_map_place_one_label (self, layout, view, points,
                                              (guint) self->hovered, &label);
              ti_network_map_draw_label (self, cr, layout, &label);
            }
        }
      draw_highlights (self, cr, view, points);
      cairo_restore (cr);
    }
  if (focused)
    draw_focus_ring (self, cr, view);
}
