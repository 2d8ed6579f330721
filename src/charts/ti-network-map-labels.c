/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-chart"

#include "config.h"

#include <math.h>

#include "ti-network-map-private.h"

/*
 * The network map's labels: where they go and how they are drawn. The most important node is
 * labelled first (the selection, then organisations by their champions, then, once close,
 * champions) and each label takes a place beside its node (under, over, right or left) that is
 * in view and meets no label already placed nor the circle of a node already labelled, the one
 * that hides the least of other organisations; where there is none, or all would hide too much
 * of them, that node goes without. A frame places at most one label per
 * TI_NETWORK_MAP_LABEL_AREA of map, so the picture is not buried in words; zooming in spreads
 * the nodes and brings the next ones. A long name wraps to two lines rather than being cut.
 *
 * Room is kept in a grid of cells GRID pixels square over the view, each marked where a label
 * or a labelled circle covers any of it: placing a label looks at the cells it would cover
 * only, so a frame of thousands of organisations places its labels in a millisecond or two.
 */

#define LABEL_WIDTH 140.0 /* wide enough for most names on two lines */
#define LABEL_LINES 2
#define LABEL_GAP 2.0  /* between a node and its label */
#define LABEL_HALO 2.0 /* the halo's margin round the text */
#define GRID 4
#define LABEL_TRIES 3 /* nodes in view tried, per label there is room for */
#define LABEL_COVER 0.15 /* the most of a label's room other organisations may take */
#define LABEL_ALWAYS 3   /* the most important nodes, labelled wherever there is room */

enum
{
  CELL_LABEL = 1 << 0,        /* a label placed */
  CELL_CIRCLE = 1 << 1,       /* a labelled node's circle */
  CELL_ORGANISATION = 1 << 2, /* any organisation's circle */
};

typedef struct
{
  guint8 *cells;
  int columns, rows;
  double x0, y0;
} Room;

/**
 * ti_network_map_label_layout:
 * @self: a network map
 * @cr: where labels will be drawn
 *
 * Returns: (transfer full): a layout for the map's labels: a little smaller than the text
 *   around it, wrapping to two lines at most
 */
PangoLayout *
ti_network_map_label_layout (TiNetworkMap *self, cairo_t *cr)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  PangoAttrList *attributes = pango_attr_list_new ();

  pango_attr_list_insert (attributes, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);
  pango_layout_set_width (layout, (int) (LABEL_WIDTH * PANGO_SCALE));
  pango_layout_set_height (layout, -LABEL_LINES);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  if (cr != NULL)
    pango_cairo_update_layout (cr, layout);
  return layout;
}

/* The size of @index's text, measured once (the style's font; again when it changes): its
 * widest line, which a short name centred in the layout's width is much narrower than. */
static void
measure (TiNetworkMap *self, PangoLayout *layout, guint index)
{
  TiMapNode *map_node = ti_network_map_map_node (self, index);
  const char *label = ti_network_map_graph_node (self, index)->label;
  PangoLayoutIter *iter;
  int widest = 0;

  if (map_node->label_width >= 0)
    return;
  pango_layout_set_text (layout, label ? label : "", -1);
  pango_layout_get_pixel_size (layout, NULL, &map_node->label_height);
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle line;

      pango_layout_iter_get_line_extents (iter, NULL, &line);
      widest = MAX (widest, PANGO_PIXELS_CEIL (line.width));
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  map_node->label_width = MIN (widest, (int) LABEL_WIDTH);
}

/* The box (halo included) of @index's label in its @place: 0 under the node, 1 over it, 2 to
 * its right, 3 to its left. */
static graphene_rect_t
label_box (TiNetworkMap *self, const TiMapView *view, const double *points, guint index,
           int place)
{
  TiMapNode *map_node = ti_network_map_map_node (self, index);
  double x = points[2 * index], y = points[2 * index + 1];
  double r = map_node->radius * view->node_scale + LABEL_GAP;
  double width = map_node->label_width + 2 * LABEL_HALO;
  double height = map_node->label_height + LABEL_HALO;

  switch (place)
    {
    case 0:
      return GRAPHENE_RECT_INIT (x - width / 2, y + r, width, height);
    case 1:
      return GRAPHENE_RECT_INIT (x - width / 2, y - r - height, width, height);
    case 2:
      return GRAPHENE_RECT_INIT (x + r, y - height / 2, width, height);
    default:
      return GRAPHENE_RECT_INIT (x - r - width, y - height / 2, width, height);
    }
}

/* The cells @rect covers, rounded outwards (so that boxes apart by less than a cell meet). */
static gboolean
cells_of (const Room *room, const graphene_rect_t *rect, int *c0, int *r0, int *c1, int *r1)
{
  *c0 = MAX ((int) floor ((rect->origin.x - room->x0) / GRID), 0);
  *r0 = MAX ((int) floor ((rect->origin.y - room->y0) / GRID), 0);
  *c1 = MIN ((int) floor ((rect->origin.x + rect->size.width - room->x0) / GRID),
             room->columns - 1);
  *r1 = MIN ((int) floor ((rect->origin.y + rect->size.height - room->y0) / GRID),
             room->rows - 1);
  return *c0 <= *c1 && *r0 <= *r1;
}

static gboolean
room_has (const Room *room, const graphene_rect_t *rect, guint8 what)
{
  int c0, r0, c1, r1;

  if (!cells_of (room, rect, &c0, &r0, &c1, &r1))
    return FALSE;
  for (int r = r0; r <= r1; r++)
    for (int c = c0; c <= c1; c++)
      if (room->cells[r * room->columns + c] & what)
        return TRUE;
  return FALSE;
}

/* How many of the cells @rect covers are marked @what. */
static guint
room_count (const Room *room, const graphene_rect_t *rect, guint8 what)
{
  int c0, r0, c1, r1;
  guint n = 0;

  if (!cells_of (room, rect, &c0, &r0, &c1, &r1))
    return 0;
  for (int r = r0; r <= r1; r++)
    for (int c = c0; c <= c1; c++)
      n += (room->cells[r * room->columns + c] & what) != 0;
  return n;
}

static void
room_take (Room *room, const graphene_rect_t *rect, guint8 what)
{
  int c0, r0, c1, r1;

  if (!cells_of (room, rect, &c0, &r0, &c1, &r1))
    return;
  for (int r = r0; r <= r1; r++)
    for (int c = c0; c <= c1; c++)
      room->cells[r * room->columns + c] |= what;
}

static gboolean
inside (const graphene_rect_t *area, const graphene_rect_t *rect)
{
  return rect->origin.x >= area->origin.x && rect->origin.y >= area->origin.y
         && rect->origin.x + rect->size.width <= area->origin.x + area->size.width
         && rect->origin.y + rect->size.height <= area->origin.y + area->size.height;
}

static gboolean
in_view (const TiMapView *view, const double *points, guint index)
{
  return graphene_rect_contains_point (&view->area,
                                       &GRAPHENE_POINT_INIT (points[2 * index],
                                                             points[2 * index + 1]));
}

static graphene_rect_t
circle_box (TiNetworkMap *self, const TiMapView *view, const double *points, guint index)
{
  double r = ti_network_map_node_radius (self, view, index);

  return GRAPHENE_RECT_INIT (points[2 * index] - r, points[2 * index + 1] - r, 2 * r, 2 * r);
}

/* Labels @index where it has room, and keeps that room and its circle's: of the places that
 * meet no label and no labelled node, the one that hides the least of other organisations;
 * none where even that hides more than LABEL_COVER of them, unless @index is among the
 * LABEL_ALWAYS most important. */
static gboolean
try_label (TiNetworkMap *self, PangoLayout *layout, const TiMapView *view,
           const double *points, guint index, Room *room, GArray *labels)
{
  TiMapLabel best = { index };
  double best_cover = G_MAXDOUBLE;
  graphene_rect_t circle;

  if (!in_view (view, points, index))
    return FALSE;
  /* A node under a label already placed goes without: its label would name the wrong one. */
  circle = circle_box (self, view, points, index);
  if (room_has (room, &circle, CELL_LABEL))
    return FALSE;
  measure (self, layout, index);
  for (int place = 0; place < 4 && best_cover > 0; place++)
    {
      graphene_rect_t box = label_box (self, view, points, index, place);
      double cover;

      if (!inside (&view->area, &box) || room_has (room, &box, CELL_LABEL | CELL_CIRCLE))
        continue;
      cover = room_count (room, &box, CELL_ORGANISATION)
              / MAX (box.size.width * box.size.height / (GRID * GRID), 1.0);
      if (cover < best_cover)
        {
          best.box = box;
          best_cover = cover;
        }
    }
  if (best_cover > LABEL_COVER && (best_cover == G_MAXDOUBLE || labels->len >= LABEL_ALWAYS))
    return FALSE;
  g_array_append_val (labels, best);
  room_take (room, &best.box, CELL_LABEL);
  room_take (room, &circle, CELL_CIRCLE);
  return TRUE;
}

/**
 * ti_network_map_place_labels:
 * @self: a network map
 * @layout: a layout from ti_network_map_label_layout(), to measure with
 * @view: where the graph is drawn
 * @points: where each node is drawn (ti_network_map_view_points())
 * @labels: (element-type TiMapLabel): where to add the labels placed, the most important
 *   first; no two of them meet
 *
 * Places the labels of a frame: the selection's, then organisations' by their champions, then
 * (from TI_NETWORK_MAP_CHAMPION_LABEL_ZOOM) champions', each where it has room, as many as
 * the map's area allows.
 */
void
ti_network_map_place_labels (TiNetworkMap *self, PangoLayout *layout, const TiMapView *view,
                             const double *points, GArray *labels)
{
  g_autofree guint8 *cells = NULL;
  gboolean champions = view->zoom >= TI_NETWORK_MAP_CHAMPION_LABEL_ZOOM;
  guint most = (guint) MAX (4, view->area.size.width * view->area.size.height
                                 / TI_NETWORK_MAP_LABEL_AREA);
  Room room;

  room.columns = (int) ceil (view->area.size.width / GRID) + 1;
  room.rows = (int) ceil (view->area.size.height / GRID) + 1;
  room.x0 = view->area.origin.x;
  room.y0 = view->area.origin.y;
  cells = g_new0 (guint8, (gsize) room.columns * room.rows);
  room.cells = cells;
  for (guint i = 0; i < self->label_priority->len; i++)
    {
      guint index = g_array_index (self->label_priority, guint, i);
      graphene_rect_t circle;

      if (ti_network_map_graph_node (self, index)->kind != TI_NETWORK_NODE_ORGANISATION)
        break;
      circle = circle_box (self, view, points, index);
      room_take (&room, &circle, CELL_ORGANISATION);
    }

  if (self->selected >= 0)
    try_label (self, layout, view, points, (guint) self->selected, &room, labels);
  /* Nodes further down the order than a few times the labels there is room for are left:
   * they are small, and measuring their names would cost the frame its time. */
  for (guint i = 0, tried = 0; i < self->label_priority->len && labels->len < most
                               && tried < LABEL_TRIES * most;
       i++)
    {
      guint index = g_array_index (self->label_priority, guint, i);

      if (ti_network_map_graph_node (self, index)->kind == TI_NETWORK_NODE_CHAMPION
          && !champions)
        break;
      if ((int) index != self->selected && in_view (view, points, index))
        {
          try_label (self, layout, view, points, index, &room, labels);
          tried++;
        }
    }
}

/**
 * ti_network_map_place_one_label:
 * @self: a network map
 * @layout: a layout from ti_network_map_label_layout()
 * @view: where the graph is drawn
 * @points: where each node is drawn
 * @node: the node
 * @label: (out caller-allocates): its label under it, or where else it is wholly in view
 *
 * Places one label whatever else is drawn (the hovered node's, drawn over the rest).
 */
void
ti_network_map_place_one_label (TiNetworkMap *self, PangoLayout *layout, const TiMapView *view,
                                const double *points, guint node, TiMapLabel *label)
{
  measure (self, layout, node);
  label->node = node;
  for (int place = 0; place < 4; place++)
    {
      label->box = label_box (self, view, points, node, place);
      if (inside (&view->area, &label->box))
        return;
    }
  label->box = label_box (self, view, points, node, 0);
}

/**
 * ti_network_map_draw_label:
 * @self: a network map
 * @cr: where to draw
 * @layout: a layout from ti_network_map_label_layout()
 * @label: the label
 *
 * Draws a label on its halo.
 */
void
ti_network_map_draw_label (TiNetworkMap *self, cairo_t *cr, PangoLayout *layout,
                           const TiMapLabel *label)
{
  const char *text = ti_network_map_graph_node (self, label->node)->label;
  const graphene_rect_t *box = &label->box;
  GdkRGBA colour, halo;

  ti_network_map_colour (self, TI_CHART_COLOUR_BACKGROUND, &halo);
  halo.alpha = 0.8f;
  ti_chart_fill_rectangle (cr, box->origin.x, box->origin.y, box->size.width, box->size.height,
                           &halo);
  ti_network_map_colour (self, TI_CHART_COLOUR_FOREGROUND, &colour);
  pango_layout_set_text (layout, text ? text : "", -1);
  ti_chart_show_layout (cr, layout, box->origin.x + box->size.width / 2 - LABEL_WIDTH / 2,
                        box->origin.y + LABEL_HALO / 2, 0, 0, &colour);
}
