/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ti-chart-private.h"
#include "ti-network-map.h"

G_BEGIN_DECLS

/* What the files of the network map share: the widget's state, the view transform, the
 * drawing's precomputed per-node data and the picture kept between frames. */

#define TI_NETWORK_MAP_ZOOM_MIN 0.25
#define TI_NETWORK_MAP_ZOOM_MAX 64.0
/* From this zoom champions are labelled (organisations are from the start, room allowing). */
#define TI_NETWORK_MAP_CHAMPION_LABEL_ZOOM 4.0
/* A frame labels at most one node per this many square pixels of map, the biggest
 * organisations first: the picture stays readable, and zooming in brings the next ones. */
#define TI_NETWORK_MAP_LABEL_AREA 11000.0
/* The most ties a frame draws, the strongest first, and their length on screen at most, in
 * pixels: cairo 1.16 strokes a short line in about 2 µs and about 15 pixels of antialiased
 * line a microsecond, and a frame has 16 ms for everything. Zooming in shows the rest. */
#define TI_NETWORK_MAP_TIE_BUDGET 1500
#define TI_NETWORK_MAP_TIE_LENGTH 45000.0
/* From this zoom champions' ties to their organisation are drawn. */
#define TI_NETWORK_MAP_MEMBERSHIP_ZOOM 2.0
/* Champions drawn smaller than this radius are dots; from it, their tier's shape, when no
 * more than TI_NETWORK_MAP_SHAPES_MAX are in view. */
#define TI_NETWORK_MAP_SHAPE_RADIUS 3.5
#define TI_NETWORK_MAP_SHAPES_MAX 1500
#define TI_NETWORK_MAP_CHAMPION_RADIUS 2.5
/* How much of the rest of the map shows while a node is pointed at. */
#define TI_NETWORK_MAP_FADE 0.3
/* The zoom ti_network_map_focus_node() comes to at least: an organisation's neighbourhood. */
#define TI_NETWORK_MAP_READABLE_ZOOM 3.0

/* Ties are drawn a path per class: membership ties, then weights by their square root. */
#define TI_MAP_N_TIE_CLASSES 6

/* A node as the map draws it, worked out when the graph or the filter changes. */
typedef struct
{
  double radius;   /* at zoom 1, in pixels */
  guint colour;    /* organisations: the sector's place in the palette; champions: the tier */
  gboolean shown;  /* whether the filter lets it through */
  gboolean lit;    /* the hovered node or a neighbour of it */
  int label_width; /* its label's size in pixels, or -1 until measured */
  int label_height;
} TiMapNode;

/* A picture kept between frames: its pixels and, for GL renderers, a texture of them. */
typedef struct
{
  cairo_surface_t *surface; /* (nullable) */
  GdkTexture *texture;      /* (nullable): made when first shown by a GL renderer */
} TiMapPicture;

/* Where the legend goes: under the map in rows or beside it in a column. */
typedef struct
{
  graphene_rect_t legend; /* its room; the map has the rest (empty: no legend) */
  gboolean full;          /* the whole legend, or only the sectors' colours */
  gboolean beside;
} TiMapLegendRoom;

/* A label as a drawing placed it: whose, and the box its text and halo fill. */
typedef struct
{
  guint node;
  graphene_rect_t box;
} TiMapLabel;

/* Where the graph is drawn: a graph point (gx, gy) lands at
 * (x0 + (gx - cx) * scale, y0 + (gy - cy) * scale), and nodes are drawn at their radius times
 * node_scale. */
typedef struct
{
  double x0, y0;
  double cx, cy;
  double scale;
  double zoom;
  double node_scale;
  graphene_rect_t area; /* what is visible, in widget coordinates */
} TiMapView;

struct _TiNetworkMap
{
  GtkWidget parent_instance;

  TiNetworkGraph *graph; /* not owned */
  GArray *nodes;         /* of TiMapNode, one per graph node */
  GArray *draw_order;    /* of guint: shown nodes, champions first, as drawn (later on top) */
  GArray *label_order;   /* of guint: shown nodes as the keyboard visits them */
  GPtrArray *sectors;    /* of const char *: the sectors of organisations, palette order */
  GArray *tie_classes[TI_MAP_N_TIE_CLASSES]; /* of guint: ties between shown nodes */
  GArray *label_priority; /* of guint: organisations (biggest first), then champions */
  GArray *sector_shown;   /* of gboolean, by sector: whether a shown organisation has it */
  double bounds[4];      /* min x, min y, max x, max y of every node */
  double max_radius;

  char *sector;
  char *locality;
  int min_tier;
  guint n_organisations, n_champions, n_shown_organisations, n_shown_champions;

  /* The view: zoom 1 fits every node of the graph in the widget. */
  double zoom;
  double cx, cy;
  gboolean follow_fit; /* fitted and not moved since: refitted when the size changes */

  int hovered;  /* -1: none */
  int selected; /* -1: none */
  /* The last graph shown: its mode (-1: none yet) and its selected node's kind and id (-1:
   * none), for a graph built again to keep them. */
  int shown_mode;
  TiNetworkNodeKind selected_kind;
  gint64 selected_id;
  gboolean drawing_file;
  gboolean ties_left_out; /* whether the last frame left out ties in view */

  /* Input */
  int dragged_node; /* -1: panning, or no drag */
  gboolean dragging;
  gboolean drag_moved;
  double drag_x, drag_y;   /* where the drag began, in widget coordinates */
  double drag_cx, drag_cy; /* the view's centre then */
  double drag_dx, drag_dy; /* the node's centre less the pointer, in graph units */
  double pinch_zoom;
  int legend_for_width; /* the width legend_height was measured for, or -1 */
  double legend_height[2]; /* the legend's height: the sectors' colours only, and whole */
  TiMapLegendRoom room;    /* the screen's legend's place, for room_width by room_height */
  int room_width, room_height;
  double pointer_x, pointer_y;
  gboolean pointer_in;

  /* The picture but for what pointing and the focus add (ties, nodes, labels) and its
   * legend, kept while the view, the size and what is drawn stay the same: a frame where only
   * the pointer moved draws its overlay on them. ti-network-map-layer.c. */
  guint serial;          /* bumped by a change to what is drawn other than the view's */
  TiMapPicture layer;    /* the base */
  TiMapPicture faded;    /* the base faded, once a node is pointed at */
  TiMapView layer_view;
  int layer_scale;
  guint layer_serial;    /* serial when the base was drawn */
  guint layer_renders;   /* how many times it has been drawn (tests) */
  GArray *layer_labels;  /* of TiMapLabel: the labels drawn in it */
  gboolean stamping;     /* drawing the base: nodes are stamped, not filled */
  GHashTable *stamps;    /* of Stamp: nodes' shapes drawn once, for stamping */
  TiMapPicture overlay;  /* what pointing, the selection and the focus add, where they do */
  guint overlay_layer;   /* the base it is over (its layer_renders) */
  int overlay_hovered, overlay_selected;
  gboolean overlay_focused;
  graphene_rect_t overlay_bounds;
  TiMapPicture legend;
  guint legend_serial;
  TiMapLegendRoom legend_room;
  int legend_scale;
  gboolean legend_ties_left_out;
};

/* ti-network-map-view.c */
void ti_network_map_get_view (TiNetworkMap *self, int width, int height, gboolean fit_shown,
                              TiMapView *view);
double ti_network_map_fitted_scale (TiNetworkMap *self, int width, int height);
void ti_network_map_view_point (const TiMapView *view, double gx, double gy, double *x,
                                double *y);
double ti_network_map_node_radius (TiNetworkMap *self, const TiMapView *view, guint node);
int ti_network_map_view_node_at (TiNetworkMap *self, const TiMapView *view, double x, double y);
void ti_network_map_prepare (TiNetworkMap *self);
guint ti_network_map_tie_class (const TiNetworkTie *tie);
void ti_network_map_pan (TiNetworkMap *self, double dx, double dy);
void ti_network_map_set_zoom_and_centre (TiNetworkMap *self, double zoom, double cx, double cy);

/* ti-network-map-draw.c */
double *ti_network_map_view_points (TiNetworkMap *self, const TiMapView *view);
void ti_network_map_draw_base (TiNetworkMap *self, cairo_t *cr, const TiMapView *view,
                               GArray *labels);
void ti_network_map_draw_overlay (TiNetworkMap *self, cairo_t *cr, const TiMapView *view,
                                  GArray *labels, gboolean focused);
gboolean ti_network_map_overlay_bounds (TiNetworkMap *self, const TiMapView *view,
                                        GArray *labels, gboolean focused,
                                        graphene_rect_t *bounds);
void ti_network_map_colour (TiNetworkMap *self, TiChartColour which, GdkRGBA *colour);
void ti_network_map_node_colour (TiNetworkMap *self, guint node, GdkRGBA *colour);
void ti_network_map_tier_colour (TiNetworkMap *self, int tier, GdkRGBA *colour);
void ti_network_map_mix (const GdkRGBA *a, const GdkRGBA *b, double t, GdkRGBA *out);
TiChartMarker ti_network_map_tier_marker (int tier);
void ti_network_map_add_marker (cairo_t *cr, TiChartMarker marker, double x, double y,
                                double r);
void ti_network_map_add_ring (cairo_t *cr, double x, double y, double r, double width);
gboolean ti_network_map_edge_colour (TiNetworkMap *self, const GdkRGBA *fill, GdkRGBA *edge);
void ti_network_map_fill_nodes (cairo_t *cr, const GdkRGBA *fill);
void ti_network_map_fill_circle (cairo_t *cr, double x, double y, double r, const GdkRGBA *fill,
                                 const GdkRGBA *edge);
void ti_network_map_fill_shape (cairo_t *cr, TiChartMarker marker, double ring, double x,
                                double y, double r, const GdkRGBA *fill, const GdkRGBA *edge);

/* ti-network-map-labels.c */
PangoLayout *ti_network_map_label_layout (TiNetworkMap *self, cairo_t *cr);
void ti_network_map_place_labels (TiNetworkMap *self, PangoLayout *layout,
                                  const TiMapView *view, const double *points, GArray *labels);
void ti_network_map_place_one_label (TiNetworkMap *self, PangoLayout *layout,
                                     const TiMapView *view, const double *points, guint node,
                                     TiMapLabel *label);
void ti_network_map_draw_label (TiNetworkMap *self, cairo_t *cr, PangoLayout *layout,
                                const TiMapLabel *label);

/* ti-network-map-layer.c */
void ti_network_map_snapshot_screen (TiNetworkMap *self, GtkSnapshot *snapshot,
                                     gboolean focused);
void ti_network_map_changed (TiNetworkMap *self);
gboolean ti_network_map_stamp (TiNetworkMap *self, cairo_t *cr, TiChartMarker marker,
                               double ring, double x, double y, double r, const GdkRGBA *fill,
                               const GdkRGBA *edge);
void ti_network_map_clear_layer (TiNetworkMap *self);
GHashTable *ti_network_map_new_stamps (void);

/* ti-network-map-legend.c */
double ti_network_map_legend (TiNetworkMap *self, cairo_t *cr, double x, double y,
                              double width, gboolean full);
void ti_network_map_legend_room (TiNetworkMap *self, int width, int height,
                                 TiMapLegendRoom *room);
void ti_network_map_legend_changed (TiNetworkMap *self);
void ti_network_map_map_area (const TiMapLegendRoom *room, int width, int height,
                              int *area_width, int *area_height);
void ti_network_map_get_screen_view (TiNetworkMap *self, TiMapView *view);
void ti_network_map_draw_legend (TiNetworkMap *self, cairo_t *cr, const TiMapLegendRoom *room);

/* ti-network-map-input.c */
void ti_network_map_init_input (TiNetworkMap *self);

/* ti-network-map.c */
void ti_network_map_set_hovered (TiNetworkMap *self, int node);
void ti_network_map_activate (TiNetworkMap *self, guint node);
void ti_network_map_node_moved (TiNetworkMap *self, guint node);
void ti_network_map_view_changed (TiNetworkMap *self);
void ti_network_map_cycle (TiNetworkMap *self, int step);
char *ti_network_map_day_words (TiNetworkMap *self);

static inline TiNetworkNode *
ti_network_map_graph_node (TiNetworkMap *self, guint node)
{
  return &g_array_index (self->graph->nodes, TiNetworkNode, node);
}

static inline TiMapNode *
ti_network_map_map_node (TiNetworkMap *self, guint node)
{
  return &g_array_index (self->nodes, TiMapNode, node);
}

G_END_DECLS
