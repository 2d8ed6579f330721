/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-chart"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ti-format.h"
#include "ti-network-map-private.h"
#include "ti-vocabulary.h"

/**
 * TiNetworkMap:
 *
 * The champions' network drawn: organisations as circles sized by their champions and
 * coloured by sector, champions as small marks shaped and coloured by their highest tier,
 * ties as lines as thick as they are strong. A person pans by dragging empty space, zooms
 * with the scroll wheel, a pinch or + and −, fits the whole with 0, drags a node to pin it,
 * and points at a node to see it and its neighbours stand out. The keyboard visits the
 * shown nodes with n and p (or Page Down and Page Up): organisations, the biggest and the
 * most tied first (as they stand out on the map), then champions, the most tied first; the
 * chosen one is brought into view and said; + and − zoom about it; Enter opens it and Escape
 * lets it go.
 *
 * The map does not own its graph: the caller keeps it alive while the map shows it. Dragging
 * a node moves it in the graph and pins it (#TiNetworkNode.pinned), and says so with
 * #TiNetworkMap::node-moved, for the positions to be saved.
 */

enum
{
  PROP_0,
  PROP_ZOOM,
  PROP_SELECTED,
  N_PROPS
};

enum
{
  SELECTION_CHANGED,
  NODE_ACTIVATED,
  NODE_MOVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TiNetworkMap, ti_network_map, GTK_TYPE_WIDGET)

/**
 * ti_network_map_new:
 *
 * Returns: (transfer full): a new, empty network map
 */
GtkWidget *
ti_network_map_new (void)
{
  return g_object_new (TI_TYPE_NETWORK_MAP, NULL);
}

static const char *
filter_words (TiNetworkMap *self, GString *words)
{
  if (self->sector != NULL)
    /* Translators: what the network map's filter shows, as "Police sector" */
    g_string_append_printf (words, _("%s sector"), ti_vocabulary_sector_label (self->sector));
  if (self->locality != NULL)
    {
      if (words->len > 0)
        g_string_append (words, ", ");
      /* Translators: what the network map's filter shows, as "Mendip locality" */
      g_string_append_printf (words, _("%s locality"),
                              ti_vocabulary_locality_label (self->locality));
    }
  if (self->min_tier > 0)
    {
      if (words->len > 0)
        g_string_append (words, ", ");
      /* Translators: what the network map's filter shows, as "champions of tier 2 or above" */
      g_string_append_printf (words, _("champions of tier %d or above"), self->min_tier);
    }
  return words->str;
}

/**
 * ti_network_map_day_words:
 * @self: a network map
 *
 * Returns: (transfer full) (nullable): for a past day's network, which day it stood on in
 *   words ("The network as it stood on 30 Jun 2023"); %NULL for today's
 */
char *
ti_network_map_day_words (TiNetworkMap *self)
{
  g_autofree char *day = NULL;

  if (self->graph == NULL || !self->graph->past)
    return NULL;
  /* The day as the rest of the application writes one, as the toolbar above the map says
   * it: one day, one form. */
  day = ti_format_date (self->graph->as_of);
  /* Translators: a past day's network map, said and printed above saved maps, as "The
   * network as it stood on 30 Jun 2023" */
  return g_strdup_printf (_ ("The network as it stood on %s"), day);
}

/**
 * ti_network_map_describe:
 * @self: a network map
 *
 * Returns: (transfer full): what the map shows, in words: the day it stood on when past, the
 *   graph's description and, when filtered, how much of it the filter shows and what the
 *   filter is
 */
static char *
ti_network_map_describe (TiNetworkMap *self)
{
  g_autoptr (GString) words = NULL;
  g_autofree char *day = NULL;
  GString *description;

  if (self->graph == NULL || self->nodes->len == 0)
    return g_strdup (_("No organisations yet"));
  words = g_string_new (NULL);
  description = g_string_new (NULL);
  day = ti_network_map_day_words (self);
  if (day != NULL)
    g_string_append_printf (description, "%s. ", day);
  if (self->graph->description != NULL)
    g_string_append (description, self->graph->description);
  filter_words (self, words);
  if (self->selected >= 0)
    {
      g_autofree char *chosen = ti_network_map_describe_node (self, (guint)self->selected);
      /* Said first: a screen reader hears what the keyboard chose. Translators: the network
       * map's chosen node, as "Selected: Somerset Council · Council · 14 champions." */
      g_autofree char *said = g_strdup_printf (_ ("Selected: %s. "), chosen);

      g_string_prepend (description, said);
    }
  if (words->len == 0)
    return g_string_free (description, FALSE);
  if (description->len > 0)
    g_string_append_c (description, ' ');
  if (self->n_champions > 0)
    /* Translators: the network map's filter, as "Showing 12 of 48 organisations and 80 of 400
     * champions: Police sector." */
    g_string_append_printf (description, _("Showing %u of %u organisations and %u of %u "
                                           "champions: %s."),
                            self->n_shown_organisations, self->n_organisations,
                            self->n_shown_champions, self->n_champions, words->str);
  else
    /* Translators: the network map's filter, as "Showing 12 of 48 organisations: Police
     * sector." */
    g_string_append_printf (description, _("Showing %u of %u organisations: %s."),
                            self->n_shown_organisations, self->n_organisations, words->str);
  return g_string_free (description, FALSE);
}

static void
update_description (TiNetworkMap *self)
{
  g_autofree char *description = ti_network_map_describe (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
}

/* The graph or the filter changed: what drawing needs, the selection, the words. */
static void
graph_changed (TiNetworkMap *self)
{
  int selected = self->selected;

  ti_network_map_prepare (self);
  ti_network_map_legend_changed (self);
  self->hovered = -1;
  if (selected >= 0 && !ti_network_map_node_is_shown (self, (guint) selected))
    ti_network_map_select (self, -1);
  update_description (self);
  ti_network_map_changed (self);
}

/* The node of @self's graph of @kind and @id, or -1. */
static int
find_node (TiNetworkMap *self, TiNetworkNodeKind kind, gint64 id)
{
  for (guint i = 0; self->graph != NULL && i < self->graph->nodes->len; i++)
    {
      TiNetworkNode *node = ti_network_map_graph_node (self, i);

      if (node->kind == kind && node->id == id)
        return (int)i;
    }
  return -1;
}

/**
 * ti_network_map_set_graph:
 * @self: a network map
 * @graph: (nullable) (transfer none): the graph to draw; the caller keeps it alive while the
 *   map shows it, or sets another (or %NULL) first
 *
 * Shows @graph. The first graph, or one of the other mode, is fitted whole with nothing
 * selected; a graph of the same mode as the one shown before (the network built again after a
 * change, or as of another day) keeps the view, its zoom and centre (or its fit, when nobody
 * moved it) and the selected node, found again by what it is, so that a rebuild does not throw
 * away where a person was looking.
 */
void
ti_network_map_set_graph (TiNetworkMap *self, TiNetworkGraph *graph)
{
  int old_selected = self->selected, selected = -1;
  gboolean keep;

  g_return_if_fail (TI_IS_NETWORK_MAP (self));

  if (self->graph != NULL)
    {
      self->shown_mode = (int)self->graph->mode;
      self->selected_kind = TI_NETWORK_NODE_ORGANISATION;
      self->selected_id = -1;
      if (self->selected >= 0)
        {
          TiNetworkNode *node = ti_network_map_graph_node (self, (guint)self->selected);

          self->selected_kind = node->kind;
          self->selected_id = node->id;
        }
    }
  keep = graph != NULL && self->shown_mode == (int)graph->mode;
  if (graph == NULL)
    self->shown_mode = -1; /* nothing shown: the next graph starts afresh */
  self->graph = graph;
  self->dragging = FALSE;
  self->selected = -1;
  graph_changed (self);
  if (keep && self->selected_id >= 0)
    selected = find_node (self, self->selected_kind, self->selected_id);
  if (selected >= 0 && ti_network_map_node_is_shown (self, (guint)selected))
    {
      self->selected = selected;
      ti_network_map_changed (self);
      update_description (self);
    }
  if (!keep || self->follow_fit)
    ti_network_map_fit (self);
  else
    ti_network_map_view_changed (self);
  if (self->selected != old_selected)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
      g_signal_emit (self, signals[SELECTION_CHANGED], 0);
    }
}

/**
 * ti_network_map_get_graph:
 * @self: a network map
 *
 * Returns: (nullable) (transfer none): the graph it shows
 */
TiNetworkGraph *
ti_network_map_get_graph (TiNetworkMap *self)
{
  g_return_val_if_fail (TI_IS_NETWORK_MAP (self), NULL);
  return self->graph;
}

/**
 * ti_network_map_set_filter:
 * @self: a network map
 * @sector: (nullable): the sector key to show, or %NULL for any
 * @locality: (nullable): the locality key to show, or %NULL for any
 * @min_tier: the lowest highest-tier of champions to show, or -1 for any; organisations stay
 *
 * Hides the nodes that do not match, and their ties; a hidden selection is let go. The view
 * is kept: ti_network_map_fit() brings what is shown into view.
 */
void
ti_network_map_set_filter (TiNetworkMap *self, const char *sector, const char *locality,
                           int min_tier)
{
  g_return_if_fail (TI_IS_NETWORK_MAP (self));

  g_free (self->sector);
  self->sector = g_strdup (sector);
  g_free (self->locality);
  self->locality = g_strdup (locality);
  self->min_tier = min_tier;
  graph_changed (self);
}

/**
 * ti_network_map_node_is_shown:
 * @self: a network map
 * @node: a node of its graph
 *
 * Returns: whether the filter lets @node through
 */
gboolean
ti_network_map_node_is_shown (TiNetworkMap *self, guint node)
{
  g_return_val_if_fail (TI_IS_NETWORK_MAP (self), FALSE);
  return node < self->nodes->len && ti_network_map_map_node (self, node)->shown;
}

/**
 * ti_network_map_get_selected:
 * @self: a network map
 *
 * Returns: the selected node, or -1
 */
int
ti_network_map_get_selected (TiNetworkMap *self)
{
  g_return_val_if_fail (TI_IS_NETWORK_MAP (self), -1);
  return self->selected;
}

/**
 * ti_network_map_select:
 * @self: a network map
 * @node: a shown node, or -1 for none
 *
 * Selects @node, as a click does; emits #TiNetworkMap::selection-changed when it changes,
 * and says it first in the map's description, for screen readers.
 */
void
ti_network_map_select (TiNetworkMap *self, int node)
{
  g_return_if_fail (TI_IS_NETWORK_MAP (self));

  if (node >= 0 && !ti_network_map_node_is_shown (self, (guint) node))
    node = -1;
  if (node == self->selected)
    return;
  self->selected = node;
  /* The selection's label comes first. */
  ti_network_map_changed (self);
  update_description (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

/**
 * ti_network_map_focus_node:
 * @self: a network map
 * @node: a shown node (a search's result); a hidden one is left alone
 *
 * Centres the view on @node, zooms in to where it and its neighbours are labelled, and
 * selects it.
 */
void
ti_network_map_focus_node (TiNetworkMap *self, guint node)
{
  TiNetworkNode *graph_node;
  double zoom;

  g_return_if_fail (TI_IS_NETWORK_MAP (self));

  if (!ti_network_map_node_is_shown (self, node))
    return;
  graph_node = ti_network_map_graph_node (self, node);
  zoom = graph_node->kind == TI_NETWORK_NODE_CHAMPION ? TI_NETWORK_MAP_CHAMPION_LABEL_ZOOM
                                                      : TI_NETWORK_MAP_READABLE_ZOOM;
  ti_network_map_set_zoom_and_centre (self, MAX (self->zoom, zoom), graph_node->x,
                                      graph_node->y);
  ti_network_map_select (self, (int) node);
}

/**
 * ti_network_map_zoom_by:
 * @self: a network map
 * @factor: how much closer (2: twice as close; 0.5: half)
 *
 * Zooms about the selected node when it is in view, so that the keyboard zooms in on what it
 * chose; otherwise about the middle of the map.
 */
void
ti_network_map_zoom_by (TiNetworkMap *self, double factor)
{
  TiMapView view;
  double x, y;

  g_return_if_fail (TI_IS_NETWORK_MAP (self));

  ti_network_map_get_screen_view (self, &view);
  if (self->selected >= 0)
    {
      ti_network_map_node_position (self, (guint)self->selected, &x, &y);
      if (graphene_rect_contains_point (&view.area, &GRAPHENE_POINT_INIT (x, y)))
        {
          ti_network_map_zoom_at (self, factor, x, y);
          return;
        }
    }
  ti_network_map_zoom_at (self, factor, view.x0, view.y0);
}

/**
 * ti_network_map_get_zoom:
 * @self: a network map
 *
 * Returns: how close the view is: 1 when the whole graph fits the widget
 */
double
ti_network_map_get_zoom (TiNetworkMap *self)
{
  g_return_val_if_fail (TI_IS_NETWORK_MAP (self), 1.0);
  return self->zoom;
}

/**
 * ti_network_map_node_at:
 * @self: a network map
 * @x: a point in the widget
 * @y: a point in the widget
 *
 * Returns: the shown node drawn at @x, @y (the one on top), or -1
 */
int
ti_network_map_node_at (TiNetworkMap *self, double x, double y)
{
  TiMapView view;

  g_return_val_if_fail (TI_IS_NETWORK_MAP (self), -1);

  ti_network_map_get_screen_view (self, &view);
  if (!graphene_rect_contains_point (&view.area, &GRAPHENE_POINT_INIT (x, y)))
    return -1;
  return ti_network_map_view_node_at (self, &view, x, y);
}

/**
 * ti_network_map_node_position:
 * @self: a network map
 * @node: a node of its graph
 * @x: (out): where its centre is drawn, in widget coordinates
 * @y: (out): where its centre is drawn
 */
void
ti_network_map_node_position (TiNetworkMap *self, guint node, double *x, double *y)
{
  TiMapView view;
  TiNetworkNode *graph_node;

  g_return_if_fail (TI_IS_NETWORK_MAP (self));
  g_return_if_fail (node < self->nodes->len);

  graph_node = ti_network_map_graph_node (self, node);
  ti_network_map_get_screen_view (self, &view);
  ti_network_map_view_point (&view, graph_node->x, graph_node->y, x, y);
}

/**
 * ti_network_map_set_hovered:
 * @self: a network map
 * @node: the node under the pointer, or -1
 *
 * Makes @node and its neighbours stand out, the rest dimmed.
 */
void
ti_network_map_set_hovered (TiNetworkMap *self, int node)
{
  GArray *ties = self->graph ? self->graph->ties : NULL;

  if (node == self->hovered)
    return;
  self->hovered = node;
  for (guint i = 0; i < self->nodes->len; i++)
    ti_network_map_map_node (self, i)->lit = (int) i == node;
  for (guint i = 0; node >= 0 && ties != NULL && i < ties->len; i++)
    {
      TiNetworkTie *tie = &g_array_index (ties, TiNetworkTie, i);

      if ((int) tie->source == node && tie->target < self->nodes->len)
        ti_network_map_map_node (self, tie->target)->lit = TRUE;
      else if ((int) tie->target == node && tie->source < self->nodes->len)
        ti_network_map_map_node (self, tie->source)->lit = TRUE;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * ti_network_map_activate:
 * @self: a network map
 * @node: a node a person opened (Enter, a double click)
 */
void
ti_network_map_activate (TiNetworkMap *self, guint node)
{
  g_signal_emit (self, signals[NODE_ACTIVATED], 0, node);
}

/**
 * ti_network_map_node_moved:
 * @self: a network map
 * @node: a node a person dragged, now pinned where they left it
 */
void
ti_network_map_node_moved (TiNetworkMap *self, guint node)
{
  g_signal_emit (self, signals[NODE_MOVED], 0, node);
}

/**
 * ti_network_map_view_changed:
 * @self: a network map
 *
 * The zoom or the centre moved: redraw, and say the zoom.
 */
void
ti_network_map_view_changed (TiNetworkMap *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/**
 * ti_network_map_cycle:
 * @self: a network map
 * @step: 1 for the next shown node, -1 for the one before
 *
 * Moves the selection through the shown nodes in the keyboard's order (organisations, the
 * biggest and the most tied first, then champions, the most tied first), round from the last
 * to the first, bringing it into view: closer (ti_network_map_focus_node()) when it is out of
 * view or too small to see.
 */
void
ti_network_map_cycle (TiNetworkMap *self, int step)
{
  guint n = self->label_order->len, at = 0;
  guint index;
  TiMapView view;
  double x, y;

  if (n == 0)
    return;
  if (self->selected >= 0)
    for (guint i = 0; i < n; i++)
      if ((int) g_array_index (self->label_order, guint, i) == self->selected)
        {
          at = (i + n + (guint) (step > 0 ? 1 : n - 1)) % n;
          break;
        }
  if (self->selected < 0 && step < 0)
    at = n - 1;
  index = g_array_index (self->label_order, guint, at);
  ti_network_map_select (self, (int) index);
  ti_network_map_get_screen_view (self, &view);
  ti_network_map_node_position (self, index, &x, &y);
  /* A node out of view, or a dot too small to see, is brought close. */
  if (!graphene_rect_contains_point (&view.area, &GRAPHENE_POINT_INIT (x, y))
      || ti_network_map_node_radius (self, &view, index) < TI_NETWORK_MAP_SHAPE_RADIUS)
    ti_network_map_focus_node (self, index);
}

static void
ti_network_map_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  if (gtk_widget_get_width (widget) <= 0 || gtk_widget_get_height (widget) <= 0)
    return;
  ti_network_map_snapshot_screen (TI_NETWORK_MAP (widget), snapshot,
                                  gtk_widget_has_visible_focus (widget));
}

static void
ti_network_map_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  TiNetworkMap *self = TI_NETWORK_MAP (widget);

  ti_network_map_legend_changed (self);
  if (self->follow_fit)
    ti_network_map_fit (self);
}

static void
ti_network_map_css_changed (GtkWidget *widget, GtkCssStyleChange *change)
{
  TiNetworkMap *self = TI_NETWORK_MAP (widget);

  GTK_WIDGET_CLASS (ti_network_map_parent_class)->css_changed (widget, change);
  /* Labels are measured again in the new style's font, and drawn in its colours. */
  for (guint i = 0; i < self->nodes->len; i++)
    ti_network_map_map_node (self, i)->label_width = -1;
  ti_network_map_legend_changed (self);
  ti_network_map_clear_layer (self);
  ti_network_map_changed (self);
}

static void
ti_network_map_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                        int *minimum, int *natural, int *minimum_baseline,
                        int *natural_baseline)
{
  *minimum = 120;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 640 : 480;
}

static void
ti_network_map_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TiNetworkMap *self = TI_NETWORK_MAP (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_SELECTED:
      g_value_set_int (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ti_network_map_set_property (GObject *object, guint prop_id, const GValue *value,
                             GParamSpec *pspec)
{
  TiNetworkMap *self = TI_NETWORK_MAP (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      ti_network_map_select (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ti_network_map_finalize (GObject *object)
{
  TiNetworkMap *self = TI_NETWORK_MAP (object);

  g_array_unref (self->nodes);
  g_array_unref (self->draw_order);
  g_array_unref (self->label_order);
  g_array_unref (self->label_priority);
  g_array_unref (self->sector_shown);
  g_ptr_array_unref (self->sectors);
  g_array_unref (self->layer_labels);
  ti_network_map_clear_layer (self);
  g_hash_table_unref (self->stamps);
  for (guint c = 0; c < TI_MAP_N_TIE_CLASSES; c++)
    g_array_unref (self->tie_classes[c]);
  g_free (self->sector);
  g_free (self->locality);

  G_OBJECT_CLASS (ti_network_map_parent_class)->finalize (object);
}

static void
ti_network_map_class_init (TiNetworkMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ti_network_map_finalize;
  object_class->get_property = ti_network_map_get_property;
  object_class->set_property = ti_network_map_set_property;
  widget_class->snapshot = ti_network_map_snapshot;
  widget_class->size_allocate = ti_network_map_size_allocate;
  widget_class->css_changed = ti_network_map_css_changed;
  widget_class->measure = ti_network_map_measure;

  /**
   * TiNetworkMap:zoom:
   *
   * How close the view is: 1 when the whole graph fits the widget.
   */
  properties[PROP_ZOOM] = g_param_spec_double (
    "zoom", NULL, NULL, TI_NETWORK_MAP_ZOOM_MIN, TI_NETWORK_MAP_ZOOM_MAX, 1.0,
    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * TiNetworkMap:selected:
   *
   * The selected node, or -1.
   */
  properties[PROP_SELECTED] =
    g_param_spec_int ("selected", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TiNetworkMap::selection-changed:
   * @self: the map
   *
   * The selected node changed (a click, the keyboard, a filter that hid it).
   */
  signals[SELECTION_CHANGED] = g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 0);

  /**
   * TiNetworkMap::node-activated:
   * @self: the map
   * @node: the node
   *
   * A person opened @node: Enter on the selection, or a double click.
   */
  signals[NODE_ACTIVATED] = g_signal_new ("node-activated", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                          1, G_TYPE_UINT);

  /**
   * TiNetworkMap::node-moved:
   * @self: the map
   * @node: the node
   *
   * A person dragged @node: its position in the graph is where they left it, and it is
   * pinned.
   */
  signals[NODE_MOVED] = g_signal_new ("node-moved", G_TYPE_FROM_CLASS (klass),
                                      G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                      G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "networkmap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ti_network_map_init (TiNetworkMap *self)
{
  self->nodes = g_array_new (FALSE, TRUE, sizeof (TiMapNode));
  self->draw_order = g_array_new (FALSE, FALSE, sizeof (guint));
  self->label_order = g_array_new (FALSE, FALSE, sizeof (guint));
  self->label_priority = g_array_new (FALSE, FALSE, sizeof (guint));
  self->sector_shown = g_array_new (FALSE, TRUE, sizeof (gboolean));
  self->sectors = g_ptr_array_new ();
  self->layer_labels = g_array_new (FALSE, FALSE, sizeof (TiMapLabel));
  self->stamps = ti_network_map_new_stamps ();
  for (guint c = 0; c < TI_MAP_N_TIE_CLASSES; c++)
    self->tie_classes[c] = g_array_new (FALSE, FALSE, sizeof (guint));
  self->min_tier = -1;
  self->zoom = 1.0;
  self->follow_fit = TRUE;
  self->hovered = -1;
  self->selected = -1;
  self->shown_mode = -1;
  self->selected_id = -1;
  self->dragged_node = -1;
  ti_network_map_legend_changed (self);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* Translators: the network map's name for screen readers */
                                  _("Network map"), -1);
  update_description (self);
  ti_network_map_init_input (self);
}
