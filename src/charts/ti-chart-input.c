/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-chart"

#include "config.h"


#include "ti-chart-private.h"

/*
 * How people reach a chart's items, alike in every kind: the pointer highlights the item under
 * it with its exact value as a tooltip, a click opens it; with the keyboard, arrow keys choose an
 * item (mirrored right to left), Home and End the first and last category, Enter or Space opens
 * it. Kinds say only which item lies under a point, with the geometry they draw with.
 */

/**
 * ti_chart_is_highlighted:
 * @self: a chart
 * @category: an item's category
 * @series: an item's series
 *
 * Returns: whether the item is under the pointer, or chosen with the keyboard while the chart
 *   has focus; never in a saved file
 */
gboolean
ti_chart_is_highlighted (TiChart *self, guint category, guint series)
{
  TiChartPrivate *priv = ti_chart_get_private (self);

  if (priv->drawing_file)
    return FALSE;
  if (priv->hovered_category == (int) category && priv->hovered_series == (int) series)
    return TRUE;
  return priv->selected_category == (int) category && priv->selected_series == (int) series
         && gtk_widget_has_focus (GTK_WIDGET (self));
}

/**
 * ti_chart_get_selected:
 * @self: a chart
 * @category: (out) (optional): the chosen item's category
 * @series: (out) (optional): the chosen item's series
 *
 * The item chosen with the keyboard (or by a click).
 *
 * Returns: whether an item is chosen
 */
gboolean
ti_chart_get_selected (TiChart *self, guint *category, guint *series)
{
  TiChartPrivate *priv = ti_chart_get_private (self);

  g_return_val_if_fail (TI_IS_CHART (self), FALSE);

  if (priv->selected_category < 0)
    return FALSE;
  if (category)
    *category = priv->selected_category;
  if (series)
    *series = priv->selected_series;
  return TRUE;
}

/**
 * ti_chart_select:
 * @self: a chart
 * @category: an item's category
 * @series: an item's series
 *
 * Chooses an item, as the arrow keys do.
 */
void
ti_chart_select (TiChart *self, guint category, guint series)
{
  TiChartPrivate *priv = ti_chart_get_private (self);

  g_return_if_fail (TI_IS_CHART (self));

  if (category >= ti_chart_n_categories (self) || series >= ti_chart_n_item_series (self))
    return;
  priv->selected_category = category;
  priv->selected_series = series;
  ti_chart_update_selected_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* By default: columns and lines go across by category and up by series (the higher series
 * drawn above); rows go down by category and across by series. The first key chooses the
 * first item, or the last when it goes back. */
gboolean
ti_chart_real_move (TiChart *self, TiChartMove move, int *category, int *series)
{
  TiChartPrivate *priv = ti_chart_get_private (self);
  int n_c = (int) ti_chart_n_categories (self), n_s = (int) ti_chart_n_item_series (self);
  int dc = 0, ds = 0;

  if (n_c == 0 || n_s == 0)
    return FALSE;
  switch (move)
    {
    case TI_CHART_MOVE_PREVIOUS:
    case TI_CHART_MOVE_NEXT:
      if (priv->rows)
        ds = move == TI_CHART_MOVE_NEXT ? 1 : -1;
      else
        dc = move == TI_CHART_MOVE_NEXT ? 1 : -1;
      break;
    case TI_CHART_MOVE_UP:
      if (priv->rows)
        dc = -1;
      else
        ds = 1;
      break;
    case TI_CHART_MOVE_DOWN:
      if (priv->rows)
        dc = 1;
      else
        ds = -1;
      break;
    case TI_CHART_MOVE_FIRST:
      dc = -n_c;
      break;
    case TI_CHART_MOVE_LAST:
    default:
      dc = n_c;
      break;
    }
  if (*category < 0)
    {
      *category = dc < 0 && move != TI_CHART_MOVE_FIRST ? n_c - 1 : 0;
      *series = ds < 0 ? n_s - 1 : 0;
    }
  else
    {
      *category = CLAMP (*category + dc, 0, n_c - 1);
      *series = CLAMP (*series + ds, 0, n_s - 1);
    }
  return TRUE;
}

static void
move_selection (TiChart *self, TiChartMove move)
{
  TiChartPrivate *priv = ti_chart_get_private (self);
  int category = priv->selected_category, series = priv->selected_series;

  if (TI_CHART_GET_CLASS (self)->move (self, move, &category, &series) && category >= 0
      && series >= 0)
    ti_chart_select (self, category, series);
}

static void
activate_selected (TiChart *self)
{
  TiChartPrivate *priv = ti_chart_get_private (self);

  if (priv->selected_category >= 0)
    g_signal_emit_by_name (self, "item-activated", (guint) priv->selected_category,
                   (guint) priv->selected_series);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state, TiChart *self)
{
  TiChartPrivate *priv = ti_chart_get_private (self);
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  TiChartMove move;

  /* Nothing to choose: the keys move focus on, as elsewhere. */
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) || !ti_chart_has_data (self))
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      move = rtl ? TI_CHART_MOVE_NEXT : TI_CHART_MOVE_PREVIOUS;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      move = rtl ? TI_CHART_MOVE_PREVIOUS : TI_CHART_MOVE_NEXT;
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move = TI_CHART_MOVE_UP;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move = TI_CHART_MOVE_DOWN;
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      move = TI_CHART_MOVE_FIRST;
      break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      move = TI_CHART_MOVE_LAST;
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      if (priv->selected_category < 0)
        return FALSE;
      activate_selected (self);
      return TRUE;
    default:
      return FALSE;
    }
  move_selection (self, move);
  return TRUE;
}

/* The item at a point of the widget, with the frame drawn on screen. */
static gboolean
item_at (TiChart *self, double x, double y, guint *category, guint *series)
{
  GtkWidget *widget = GTK_WIDGET (self);
  TiChartFrame frame;

  if (!ti_chart_has_data (self))
    return FALSE;
  ti_chart_compute_frame (self, gtk_widget_get_width (widget), gtk_widget_get_height (widget),
                          &frame);
  if (!TI_CHART_GET_CLASS (self)->item_at (self, &frame.plot, x, y, category, series))
    return FALSE;
  return *category < ti_chart_n_categories (self) && *series < ti_chart_n_item_series (self);
}

static void
set_hovered (TiChart *self, int category, int series)
{
  TiChartPrivate *priv = ti_chart_get_private (self);

  if (priv->hovered_category == category && priv->hovered_series == series)
    return;
  priv->hovered_category = category;
  priv->hovered_series = series;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion (GtkEventControllerMotion *controller, double x, double y, TiChart *self)
{
  guint category, series;

  if (item_at (self, x, y, &category, &series))
    set_hovered (self, category, series);
  else
    set_hovered (self, -1, -1);
}

static void
on_leave (GtkEventControllerMotion *controller, TiChart *self)
{
  set_hovered (self, -1, -1);
}

static void
on_released (GtkGestureClick *gesture, int n_press, double x, double y, TiChart *self)
{
  guint category, series;

  if (n_press != 1 || !item_at (self, x, y, &category, &series))
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  ti_chart_select (self, category, series);
  activate_selected (self);
}

/* The pointer's item. GTK 4 asks no tooltip for the keyboard: the chosen item is said by
 * TiChart:selected-description instead, which a card shows under the chart. */
static gboolean
on_query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard_mode, GtkTooltip *tooltip,
                  TiChart *self)
{
  g_autofree char *text = NULL;
  guint category, series;

  if (keyboard_mode || !item_at (self, x, y, &category, &series))
    return FALSE;
  text = ti_chart_describe_item (self, category, series);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* Called once by the base, when a chart is made. */
void
ti_chart_init_input (TiChart *self)
{
  GtkEventController *controller;
  GtkGesture *click;

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "released", G_CALLBACK (on_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
}
