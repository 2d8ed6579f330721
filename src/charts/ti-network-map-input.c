/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ti-network-map-private.h"

/*
 * The network map's input: dragging empty space pans and dragging a node pins it where it is
 * left; the scroll wheel and a pinch zoom about the pointer; the pointer lights a node and its
 * neighbours and asks its tooltip; a click selects and a double click opens; and the keyboard
 * does all of it too.
 */

#define DRAG_THRESHOLD 3.0 /* pixels a press moves before it is a drag */
#define KEY_ZOOM 1.25
#define KEY_PAN 0.1 /* of the widget's size, per arrow */

/**
 * ti_network_map_describe_node:
 * @self: a network map
 * @node: a node
 *
 * Returns: (transfer full): its tooltip: "Robin Vale · Somerset NHS Foundation Trust · Tier 3 ·
 *   12 ties", "Somerset Council · Council · 14 champions"
 */
char *
ti_network_map_describe_node (TiNetworkMap *self, guint node)
{
  TiNetworkNode *graph_node = ti_network_map_graph_node (self, node);
  g_autofree char *tier = NULL, *ties = NULL;
  const char *organisation = NULL;

  if (graph_node->kind == TI_NETWORK_NODE_ORGANISATION)
    {
      g_autofree char *champions = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%u champion", "%u champions", graph_node->champions),
        graph_node->champions);

      /* Translators: a network map's tooltip: organisation · sector · champions */
      return g_strdup_printf (_("%s · %s · %s"), graph_node->label,
                              graph_node->sector_label ? graph_node->sector_label : "",
                              champions);
    }
  if (graph_node->organisation >= 0 && (guint) graph_node->organisation < self->nodes->len)
    organisation = ti_network_map_graph_node (self, (guint) graph_node->organisation)->label;
  /* Translators: a champion's highest tier, in the network map's tooltip */
  tier = graph_node->tier > 0 ? g_strdup_printf (_("Tier %d"), graph_node->tier)
                              : g_strdup (_("No tier yet"));
  ties = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u tie", "%u ties", graph_node->degree),
                          graph_node->degree);
  if (organisation == NULL)
    /* Translators: a network map's tooltip: champion · tier · ties */
    return g_strdup_printf (_("%s · %s · %s"), graph_node->label, tier, ties);
  /* Translators: a network map's tooltip: champion · organisation · tier · ties */
  return g_strdup_printf (_("%s · %s · %s · %s"), graph_node->label, organisation, tier, ties);
}

static void
drag_begin (GtkGestureDrag *gesture, double x, double y, TiNetworkMap *self)
{
  int node = ti_network_map_node_at (self, x, y);

  self->dragging = TRUE;
  self->drag_moved = FALSE;
  self->dragged_node = node;
  self->drag_x = x;
  self->drag_y = y;
  self->drag_cx = self->cx;
  self->drag_cy = self->cy;
  if (node >= 0)
    {
      TiNetworkNode *graph_node = ti_network_map_graph_node (self, (guint) node);
      TiMapView view;

      ti_network_map_get_screen_view (self, &view);
      self->drag_dx = graph_node->x - (view.cx + (x - view.x0) / view.scale);
      self->drag_dy = graph_node->y - (view.cy + (y - view.y0) / view.scale);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
drag_update (GtkGestureDrag *gesture, double dx, double dy, TiNetworkMap *self)
{
  TiMapView view;

  if (!self->dragging)
    return;
  if (!self->drag_moved && hypot (dx, dy) < DRAG_THRESHOLD)
    return;
  self->drag_moved = TRUE;
  ti_network_map_get_screen_view (self, &view);
  if (self->dragged_node >= 0 && self->graph != NULL)
    {
      TiNetworkNode *node = ti_network_map_graph_node (self, (guint) self->dragged_node);

      node->x = view.cx + (self->drag_x + dx - view.x0) / view.scale + self->drag_dx;
      node->y = view.cy + (self->drag_y + dy - view.y0) / view.scale + self->drag_dy;
      node->pinned = TRUE;
      ti_network_map_changed (self);
    }
  else
    ti_network_map_set_zoom_and_centre (self, self->zoom, self->drag_cx - dx / view.scale,
                                        self->drag_cy - dy / view.scale);
}

static void
drag_end (GtkGestureDrag *gesture, double dx, double dy, TiNetworkMap *self)
{
  drag_update (gesture, dx, dy, self);
  if (self->dragging && self->drag_moved && self->dragged_node >= 0)
    ti_network_map_node_moved (self, (guint) self->dragged_node);
  self->dragging = FALSE;
  self->dragged_node = -1;
}

static void
click_pressed (GtkGestureClick *gesture, int n_press, double x, double y, TiNetworkMap *self)
{
  int node = ti_network_map_node_at (self, x, y);

  if (n_press == 2 && node >= 0)
    ti_network_map_activate (self, (guint) node);
}

static void
click_released (GtkGestureClick *gesture, int n_press, double x, double y, TiNetworkMap *self)
{
  if (n_press == 1 && !self->drag_moved)
    ti_network_map_select (self, ti_network_map_node_at (self, x, y));
}

static gboolean
scrolled (GtkEventControllerScroll *controller, double dx, double dy, TiNetworkMap *self)
{
  double x = self->pointer_x, y = self->pointer_y;

  if (!self->pointer_in)
    {
      TiMapView view;

      ti_network_map_get_screen_view (self, &view);
      x = view.x0;
      y = view.y0;
    }
  ti_network_map_zoom_at (self, pow (1.2, -dy), x, y);
  return TRUE;
}

static void
pinch_begin (GtkGesture *gesture, GdkEventSequence *sequence, TiNetworkMap *self)
{
  self->pinch_zoom = self->zoom;
}

static void
pinch_changed (GtkGestureZoom *gesture, double scale, TiNetworkMap *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    return;
  ti_network_map_zoom_at (self, self->pinch_zoom * scale / self->zoom, x, y);
}

static void
pointer_moved (GtkEventControllerMotion *controller, double x, double y, TiNetworkMap *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
  self->pointer_in = TRUE;
  if (!self->dragging)
    ti_network_map_set_hovered (self, ti_network_map_node_at (self, x, y));
}

static void
pointer_left (GtkEventControllerMotion *controller, TiNetworkMap *self)
{
  self->pointer_in = FALSE;
  ti_network_map_set_hovered (self, -1);
}

static gboolean
key_pressed (GtkEventControllerKey *controller, guint keyval, guint keycode,
             GdkModifierType state, TiNetworkMap *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      ti_network_map_zoom_by (self, KEY_ZOOM);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      ti_network_map_zoom_by (self, 1 / KEY_ZOOM);
      return TRUE;
    case GDK_KEY_0:
    case GDK_KEY_KP_0:
      ti_network_map_fit (self);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      ti_network_map_pan (self, width * KEY_PAN, 0);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      ti_network_map_pan (self, -width * KEY_PAN, 0);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      ti_network_map_pan (self, 0, height * KEY_PAN);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      ti_network_map_pan (self, 0, -height * KEY_PAN);
      return TRUE;
    case GDK_KEY_n:
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      ti_network_map_cycle (self, 1);
      return TRUE;
    case GDK_KEY_p:
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      ti_network_map_cycle (self, -1);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
      if (self->selected < 0)
        return FALSE;
      ti_network_map_activate (self, (guint) self->selected);
      return TRUE;
    case GDK_KEY_Escape:
      if (self->selected < 0)
        return FALSE;
      ti_network_map_select (self, -1);
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip,
               TiNetworkMap *self)
{
  int node = keyboard ? self->selected : ti_network_map_node_at (self, x, y);
  g_autofree char *text = NULL;

  if (node < 0)
    return FALSE;
  text = ti_network_map_describe_node (self, (guint) node);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
focus_changed (GtkEventControllerFocus *controller, TiNetworkMap *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * ti_network_map_init_input:
 * @self: a network map
 *
 * Adds the controllers of pointer, touch and keyboard.
 */
void
ti_network_map_init_input (TiNetworkMap *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *pinch = gtk_gesture_zoom_new ();
  GtkEventController *scroll =
    gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  g_signal_connect (click, "pressed", G_CALLBACK (click_pressed), self);
  g_signal_connect (click, "released", G_CALLBACK (click_released), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  g_signal_connect (pinch, "begin", G_CALLBACK (pinch_begin), self);
  g_signal_connect (pinch, "scale-changed", G_CALLBACK (pinch_changed), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (pinch));

  g_signal_connect (scroll, "scroll", G_CALLBACK (scrolled), self);
  gtk_widget_add_controller (widget, scroll);

  g_signal_connect (motion, "motion", G_CALLBACK (pointer_moved), self);
  g_signal_connect (motion, "leave", G_CALLBACK (pointer_left), self);
  gtk_widget_add_controller (widget, motion);

  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed), self);
  gtk_widget_add_controller (widget, key);

  g_signal_connect (focus, "enter", G_CALLBACK (focus_changed), self);
  g_signal_connect (focus, "leave", G_CALLBACK (focus_changed), self);
  gtk_widget_add_controller (widget, focus);

  g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip), self);
}
