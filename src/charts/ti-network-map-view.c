/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ti-network-map-private.h"
#include "ti-vocabulary.h"

/*
 * The network map's view: where the graph's points land in the widget at a zoom and a centre,
 * what fits every shown node, which node is under a point, and what each node's drawing needs,
 * worked out once when the graph or the filter changes so that drawing only draws.
 */

#define ORGANISATION_MIN_RADIUS 5.0
#define ORGANISATION_RADIUS_PER_ROOT 2.0 /* radius = this × √champions: area ∝ champions */
#define ORGANISATION_MAX_RADIUS 30.0    /* 225 champions; bigger ones are drawn no bigger */
#define APART_RADIUS 3.0                /* an organisation in the band under the network */
#define PADDING 12.0
#define HIT_MIN_RADIUS 5.0 /* tiny dots are hit within this many pixels */

static double
node_scale_at (double zoom)
{
  /* Nodes grow with the zoom, more slowly than the distances between them. */
  return CLAMP (sqrt (zoom), 0.75, 3.0);
}

static double
padding_at (TiNetworkMap *self, int width, int height, double zoom)
{
  double padding = PADDING + self->max_radius * node_scale_at (zoom);

  return MIN (padding, MIN (width, height) / 4.0);
}

/* Pixels to a graph unit at zoom 1, where every node of the graph fits. */
static double
base_scale (TiNetworkMap *self, int width, int height)
{
  double extent_x = MAX (self->bounds[2] - self->bounds[0], 1e-6);
  double extent_y = MAX (self->bounds[3] - self->bounds[1], 1e-6);
  double padding = padding_at (self, width, height, 1.0);
  double scale;

  if (self->bounds[2] - self->bounds[0] < 1e-6 && self->bounds[3] - self->bounds[1] < 1e-6)
    return 1.0;
  scale = MIN ((width - 2 * padding) / extent_x, (height - 2 * padding) / extent_y);
  return MAX (scale, 1e-6);
}

/* Whether every shown node, drawn at @zoom with its own size, fits in @width by @height with
 * PADDING round; @cx, @cy: the graph's point at the middle of what they take. */
static gboolean
fits_at (TiNetworkMap *self, int width, int height, double base, double zoom, double *cx,
         double *cy)
{
  double low_x = G_MAXDOUBLE, low_y = G_MAXDOUBLE, high_x = -G_MAXDOUBLE, high_y = -G_MAXDOUBLE;
  double scale = base * zoom, node_scale = node_scale_at (zoom);

  for (guint i = 0; i < self->draw_order->len; i++)
    {
      guint index = g_array_index (self->draw_order, guint, i);
      TiNetworkNode *node = ti_network_map_graph_node (self, index);
      double r = ti_network_map_map_node (self, index)->radius * node_scale;

      low_x = MIN (low_x, node->x * scale - r);
      low_y = MIN (low_y, node->y * scale - r);
      high_x = MAX (high_x, node->x * scale + r);
      high_y = MAX (high_y, node->y * scale + r);
    }
  *cx = (low_x + high_x) / 2 / scale;
  *cy = (low_y + high_y) / 2 / scale;
  return high_x - low_x <= width - 2 * PADDING && high_y - low_y <= height - 2 * PADDING;
}

/* The zoom and centre that fit every shown node in @width by @height, each with its own size
 * (a big organisation at the edge takes more room than a champion): the closest that fits,
 * found by halving; FALSE without any node. */
static gboolean
fit_all_shown (TiNetworkMap *self, int width, int height, double *zoom, double *cx, double *cy)
{
  double low_x = G_MAXDOUBLE, low_y = G_MAXDOUBLE, high_x = -G_MAXDOUBLE, high_y = -G_MAXDOUBLE;
  double base = base_scale (self, width, height);
  double fits = log (TI_NETWORK_MAP_ZOOM_MIN), too_close = log (TI_NETWORK_MAP_ZOOM_MAX);

  for (guint i = 0; self->draw_order != NULL && i < self->draw_order->len; i++)
    {
      TiNetworkNode *node =
        ti_network_map_graph_node (self, g_array_index (self->draw_order, guint, i));

      low_x = MIN (low_x, node->x);
      low_y = MIN (low_y, node->y);
      high_x = MAX (high_x, node->x);
      high_y = MAX (high_y, node->y);
    }
  if (low_x > high_x)
    return FALSE;
  if (high_x - low_x < 1e-6 && high_y - low_y < 1e-6)
    {
      *cx = low_x;
      *cy = low_y;
      *zoom = TI_NETWORK_MAP_READABLE_ZOOM;
      return TRUE;
    }
  if (fits_at (self, width, height, base, exp (too_close), cx, cy))
    fits = too_close;
  for (int round = 0; round < 40 && too_close - fits > 1e-4; round++)
    {
      double middle = (fits + too_close) / 2;

      if (fits_at (self, width, height, base, exp (middle), cx, cy))
        fits = middle;
      else
        too_close = middle;
    }
  *zoom = exp (fits);
  fits_at (self, width, height, base, *zoom, cx, cy);
  return TRUE;
}

/**
 * ti_network_map_get_view:
 * @self: a network map
 * @width: the drawing's width
 * @height: its height
 * @fit_shown: whether to fit every shown node (files) rather than take the map's zoom and
 *   centre (the screen)
 * @view: (out caller-allocates): where the graph is drawn
 */
void
ti_network_map_get_view (TiNetworkMap *self, int width, int height, gboolean fit_shown,
                         TiMapView *view)
{
  double zoom = self->zoom, cx = self->cx, cy = self->cy;

  width = MAX (width, 1);
  height = MAX (height, 1);
  if (fit_shown && !fit_all_shown (self, width, height, &zoom, &cx, &cy))
    zoom = 1.0;
  view->x0 = width / 2.0;
  view->y0 = height / 2.0;
  view->cx = cx;
  view->cy = cy;
  view->zoom = zoom;
  view->scale = base_scale (self, width, height) * zoom;
  view->node_scale = node_scale_at (zoom);
  view->area = GRAPHENE_RECT_INIT (0, 0, width, height);
}

/**
 * ti_network_map_fitted_scale:
 * @self: a network map
 * @width: the map's width
 * @height: its height
 *
 * Returns: the pixels to a graph unit that fit every shown node in @width by @height (0
 *   without any): the bigger, the better the map uses the room
 */
double
ti_network_map_fitted_scale (TiNetworkMap *self, int width, int height)
{
  double zoom, cx, cy;

  width = MAX (width, 1);
  height = MAX (height, 1);
  if (!fit_all_shown (self, width, height, &zoom, &cx, &cy))
    return 0;
  return base_scale (self, width, height) * zoom;
}

/**
 * ti_network_map_view_point:
 * @view: where the graph is drawn
 * @gx: a point of the graph
 * @gy: a point of the graph
 * @x: (out): where it is drawn
 * @y: (out): where it is drawn
 */
void
ti_network_map_view_point (const TiMapView *view, double gx, double gy, double *x, double *y)
{
  *x = view->x0 + (gx - view->cx) * view->scale;
  *y = view->y0 + (gy - view->cy) * view->scale;
}

/**
 * ti_network_map_node_radius:
 * @self: a network map
 * @view: where the graph is drawn
 * @node: a node
 *
 * Returns: the radius @node is drawn at, in pixels
 */
double
ti_network_map_node_radius (TiNetworkMap *self, const TiMapView *view, guint node)
{
  return ti_network_map_map_node (self, node)->radius * view->node_scale;
}

/**
 * ti_network_map_view_node_at:
 * @self: a network map
 * @view: where the graph is drawn
 * @x: a point of the drawing
 * @y: a point of the drawing
 *
 * The node drawn at a point: of nodes drawn over each other the one drawn last, on top;
 * a tiny dot is found within a few pixels of its centre.
 *
 * Returns: the node, or -1 where there is none shown
 */
int
ti_network_map_view_node_at (TiNetworkMap *self, const TiMapView *view, double x, double y)
{
  if (self->draw_order == NULL)
    return -1;
  for (guint i = self->draw_order->len; i-- > 0;)
    {
      guint index = g_array_index (self->draw_order, guint, i);
      TiNetworkNode *node = ti_network_map_graph_node (self, index);
      double reach = MAX (ti_network_map_node_radius (self, view, index) + 1, HIT_MIN_RADIUS);
      double nx, ny;

      ti_network_map_view_point (view, node->x, node->y, &nx, &ny);
      if ((nx - x) * (nx - x) + (ny - y) * (ny - y) <= reach * reach)
        return (int) index;
    }
  return -1;
}

/**
 * ti_network_map_zoom_at:
 * @self: a network map
 * @factor: how much closer (2: twice; 0.5: half)
 * @x: the point that stays where it is, in widget coordinates (the pointer)
 * @y: the point that stays where it is
 *
 * Zooms keeping the graph's point under @x, @y there, as scrolling and pinching do.
 */
void
ti_network_map_zoom_at (TiNetworkMap *self, double factor, double x, double y)
{
  TiMapView view;
  double gx, gy, zoom, scale;

  g_return_if_fail (TI_IS_NETWORK_MAP (self));
  g_return_if_fail (factor > 0);

  ti_network_map_get_screen_view (self, &view);
  gx = view.cx + (x - view.x0) / view.scale;
  gy = view.cy + (y - view.y0) / view.scale;
  zoom = CLAMP (self->zoom * factor, TI_NETWORK_MAP_ZOOM_MIN, TI_NETWORK_MAP_ZOOM_MAX);
  scale = view.scale / view.zoom * zoom;
  ti_network_map_set_zoom_and_centre (self, zoom, gx - (x - view.x0) / scale,
                                      gy - (y - view.y0) / scale);
}

/**
 * ti_network_map_pan:
 * @self: a network map
 * @dx: how far to move the picture right, in pixels
 * @dy: how far to move it down
 */
void
ti_network_map_pan (TiNetworkMap *self, double dx, double dy)
{
  TiMapView view;

  ti_network_map_get_screen_view (self, &view);
  ti_network_map_set_zoom_and_centre (self, self->zoom, self->cx - dx / view.scale,
                                      self->cy - dy / view.scale);
}

/**
 * ti_network_map_set_zoom_and_centre:
 * @self: a network map
 * @zoom: the zoom (1: the whole graph fits)
 * @cx: the graph's point at the widget's centre
 * @cy: the graph's point at the widget's centre
 *
 * Moves the view as a person does: it no longer follows the widget's size to fit.
 */
void
ti_network_map_set_zoom_and_centre (TiNetworkMap *self, double zoom, double cx, double cy)
{
  self->zoom = CLAMP (zoom, TI_NETWORK_MAP_ZOOM_MIN, TI_NETWORK_MAP_ZOOM_MAX);
  self->cx = cx;
  self->cy = cy;
  self->follow_fit = FALSE;
  ti_network_map_view_changed (self);
}

/**
 * ti_network_map_fit:
 * @self: a network map
 *
 * Zooms and centres so every shown node is in view, with room around; the view then follows
 * the widget's size until a person moves it.
 */
void
ti_network_map_fit (TiNetworkMap *self)
{
  TiMapView view;
  int width, height;

  g_return_if_fail (TI_IS_NETWORK_MAP (self));

  ti_network_map_get_screen_view (self, &view);
  width = (int) view.area.size.width;
  height = (int) view.area.size.height;
  if (!fit_all_shown (self, width, height, &self->zoom, &self->cx, &self->cy))
    {
      self->zoom = 1.0;
      self->cx = (self->bounds[0] + self->bounds[2]) / 2;
      self->cy = (self->bounds[1] + self->bounds[3]) / 2;
    }
  self->follow_fit = TRUE;
  ti_network_map_view_changed (self);
}

/* Where a sector comes in the palette: the vocabulary's order; sectors it does not know last. */
static int
sector_rank (const char *key)
{
  guint n_sectors;
  const TiTerm *sectors = ti_vocabulary_sectors (&n_sectors);

  for (guint i = 0; key != NULL && i < n_sectors; i++)
    if (strcmp (sectors[i].key, key) == 0)
      return (int) i;
  return (int) n_sectors;
}

static int
compare_sectors (gconstpointer a, gconstpointer b)
{
  const char *sa = *(const char *const *) a, *sb = *(const char *const *) b;
  int ra = sector_rank (sa), rb = sector_rank (sb);

  return ra != rb ? ra - rb : g_strcmp0 (sa, sb);
}

static guint
sector_colour (TiNetworkMap *self, const char *sector)
{
  for (guint i = 0; i < self->sectors->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->sectors, i), sector) == 0)
      return i;
  return self->sectors->len;
}

static gboolean
matches_filter (TiNetworkMap *self, const TiNetworkNode *node)
{
  if (self->sector != NULL && g_strcmp0 (node->sector, self->sector) != 0)
    return FALSE;
  if (self->locality != NULL && g_strcmp0 (node->locality, self->locality) != 0)
    return FALSE;
  /* The tier is a champion's: organisations stay, holding the champions who pass. */
  if (self->min_tier >= 0 && node->kind == TI_NETWORK_NODE_CHAMPION
      && node->tier < self->min_tier)
    return FALSE;
  return TRUE;
}

/* How much a node stands out: organisations, those in the network before the band's, the
 * biggest first, then the most tied; then champions, the most tied first. 0 among equals. */
static int
compare_standing (const TiNetworkNode *na, const TiNetworkNode *nb)
{
  if (na->kind != nb->kind)
    return na->kind == TI_NETWORK_NODE_ORGANISATION ? -1 : 1;
  if (na->apart != nb->apart)
    return na->apart ? 1 : -1;
  if (na->champions != nb->champions)
    return na->champions > nb->champions ? -1 : 1;
  if (na->degree != nb->degree)
    return na->degree > nb->degree ? -1 : 1;
  return 0;
}

/* The keyboard's order: by standing, so that at "fit" the first ones are what a person sees
 * first; by name among equals. */
static int
compare_labels (gconstpointer a, gconstpointer b, gpointer data)
{
  TiNetworkMap *self = data;
  TiNetworkNode *na = ti_network_map_graph_node (self, *(const guint *) a);
  TiNetworkNode *nb = ti_network_map_graph_node (self, *(const guint *) b);
  int order = compare_standing (na, nb);

  if (order == 0)
    order = g_utf8_collate (na->label ? na->label : "", nb->label ? nb->label : "");
  return order != 0 ? order : (int) *(const guint *) a - (int) *(const guint *) b;
}

/* Organisations over champions; champions in their tiers' order (a path of dots each), and
 * organisations the bigger first, the smaller over them, so that none hides under a bigger
 * one. */
static int
compare_drawing (gconstpointer a, gconstpointer b, gpointer data)
{
  TiNetworkMap *self = data;
  guint ia = *(const guint *) a, ib = *(const guint *) b;
  TiNetworkNode *na = ti_network_map_graph_node (self, ia);
  TiNetworkNode *nb = ti_network_map_graph_node (self, ib);
  TiMapNode *ma = ti_network_map_map_node (self, ia), *mb = ti_network_map_map_node (self, ib);

  if (na->kind != nb->kind)
    return na->kind == TI_NETWORK_NODE_CHAMPION ? -1 : 1;
  if (ma->radius != mb->radius)
    return ma->radius > mb->radius ? -1 : 1;
  if (ma->colour != mb->colour)
    return (int) ma->colour - (int) mb->colour;
  return (int) ia - (int) ib;
}

static int
compare_priority (gconstpointer a, gconstpointer b, gpointer data)
{
  TiNetworkMap *self = data;
  guint ia = *(const guint *) a, ib = *(const guint *) b;
  int order = compare_standing (ti_network_map_graph_node (self, ia),
                                ti_network_map_graph_node (self, ib));

  return order != 0 ? order : (int) ia - (int) ib;
}

/**
 * ti_network_map_tie_class:
 * @tie: a tie
 *
 * Returns: the path it is drawn in: 0 for a champion's tie to their organisation, from 1 up by
 *   the square root of its weight
 */
guint
ti_network_map_tie_class (const TiNetworkTie *tie)
{
  if (tie->membership)
    return 0;
  return (guint) CLAMP (floor (sqrt (MAX (tie->weight, 1.0))), 1, TI_MAP_N_TIE_CLASSES - 1);
}

static void
prepare_ties (TiNetworkMap *self)
{
  GArray *ties = self->graph ? self->graph->ties : NULL;

  for (guint c = 0; c < TI_MAP_N_TIE_CLASSES; c++)
    g_array_set_size (self->tie_classes[c], 0);
  for (guint i = 0; ties != NULL && i < ties->len; i++)
    {
      TiNetworkTie *tie = &g_array_index (ties, TiNetworkTie, i);

      if (tie->source < self->nodes->len && tie->target < self->nodes->len
          && ti_network_map_map_node (self, tie->source)->shown
          && ti_network_map_map_node (self, tie->target)->shown)
        g_array_append_val (self->tie_classes[ti_network_map_tie_class (tie)], i);
    }
}

/**
 * ti_network_map_prepare:
 * @self: a network map
 *
 * Works out what drawing needs when the graph or the filter changes: each node's size, colour
 * and whether it is shown, the order nodes are drawn in (and so found by the pointer) and the
 * keyboard's order, the sectors of the legend and the graph's extent.
 */
void
ti_network_map_prepare (TiNetworkMap *self)
{
  GArray *graph_nodes = self->graph ? self->graph->nodes : NULL;
  guint n = graph_nodes ? graph_nodes->len : 0;

  g_array_set_size (self->nodes, n);
  g_array_set_size (self->draw_order, 0);
  g_array_set_size (self->label_order, 0);
  g_ptr_array_set_size (self->sectors, 0);
  self->n_organisations = self->n_champions = 0;
  self->n_shown_organisations = self->n_shown_champions = 0;
  self->max_radius = TI_NETWORK_MAP_CHAMPION_RADIUS;
  self->bounds[0] = self->bounds[1] = self->bounds[2] = self->bounds[3] = 0;

  for (guint i = 0; i < n; i++)
    {
      TiNetworkNode *node = ti_network_map_graph_node (self, i);

      const char *sector = node->sector ? node->sector : "";

      if (node->kind == TI_NETWORK_NODE_ORGANISATION
          && !g_ptr_array_find_with_equal_func (self->sectors, sector, g_str_equal, NULL))
        g_ptr_array_add (self->sectors, (gpointer) sector);
      self->bounds[0] = i == 0 ? node->x : MIN (self->bounds[0], node->x);
      self->bounds[1] = i == 0 ? node->y : MIN (self->bounds[1], node->y);
      self->bounds[2] = i == 0 ? node->x : MAX (self->bounds[2], node->x);
      self->bounds[3] = i == 0 ? node->y : MAX (self->bounds[3], node->y);
    }
  g_ptr_array_sort (self->sectors, compare_sectors);
  g_array_set_size (self->sector_shown, 0);
  g_array_set_size (self->sector_shown, self->sectors->len);

  for (guint i = 0; i < n; i++)
    {
      TiNetworkNode *node = ti_network_map_graph_node (self, i);
      TiMapNode *map_node = ti_network_map_map_node (self, i);
      gboolean organisation = node->kind == TI_NETWORK_NODE_ORGANISATION;

      /* The band of organisations without ties to another is small dots: the network is
       * what the map is for. */
      map_node->radius = !organisation ? TI_NETWORK_MAP_CHAMPION_RADIUS
                         : node->apart
                           ? APART_RADIUS
                           : CLAMP (ORGANISATION_RADIUS_PER_ROOT * sqrt (node->champions),
                                    ORGANISATION_MIN_RADIUS, ORGANISATION_MAX_RADIUS);
      map_node->colour = organisation ? sector_colour (self, node->sector ? node->sector : "")
                                      : (guint) CLAMP (node->tier, 0, 3);
      map_node->shown = matches_filter (self, node);
      map_node->lit = FALSE;
      map_node->label_width = map_node->label_height = -1;
      self->max_radius = MAX (self->max_radius, map_node->radius);
      if (organisation)
        self->n_organisations++;
      else
        self->n_champions++;
      if (!map_node->shown)
        continue;
      if (organisation)
        {
          self->n_shown_organisations++;
          if (map_node->colour < self->sector_shown->len)
            g_array_index (self->sector_shown, gboolean, map_node->colour) = TRUE;
        }
      else
        self->n_shown_champions++;
      g_array_append_val (self->draw_order, i);
      g_array_append_val (self->label_order, i);
    }
  g_array_sort_with_data (self->draw_order, compare_drawing, self);
  g_array_sort_with_data (self->label_order, compare_labels, self);
  g_array_set_size (self->label_priority, 0);
  g_array_append_vals (self->label_priority, self->draw_order->data, self->draw_order->len);
  g_array_sort_with_data (self->label_priority, compare_priority, self);
  prepare_ties (self);
}
