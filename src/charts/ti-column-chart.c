/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-column-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ti-chart-axis.h"
#include "ti-column-chart.h"

/**
 * TiColumnChart:
 *
 * A column chart of counts: one column for each category, on a value axis with nice ticks and
 * grid lines. Each column carries its value as a label, so colour is never all it has to say.
 * The column under the pointer is highlighted with its exact value as a tooltip; with the
 * keyboard, Left and Right move from column to column.
 */

#define MAX_TICKS 6
#define PADDING 6.0
#define COLUMN_SHARE 0.6
#define MAX_COLUMN_WIDTH 64.0

struct _TiColumnChart
{
  TiChart parent_instance;

  GPtrArray *categories; /* of char * */
  GArray *values;        /* of double */
  TiChartAxis axis;
  int hovered;  /* -1: none */
  int selected; /* -1: none */
};

G_DEFINE_FINAL_TYPE (TiColumnChart, ti_column_chart, TI_TYPE_CHART)

typedef struct
{
  double left, top, right, bottom;
} Plot;

static void
compute_plot (TiColumnChart *self, int width, int height, Plot *plot)
{
  TiChart *chart = TI_CHART (self);
  int line_height, label_width, widest = 0;

  ti_chart_measure_text (chart, "0", NULL, &line_height);
  for (guint i = 0; i < self->axis.n_ticks; i++)
    {
      g_autofree char *label = ti_chart_axis_format_count (ti_chart_axis_tick (&self->axis, i));

      ti_chart_measure_text (chart, label, &label_width, NULL);
      widest = MAX (widest, label_width);
    }

  plot->top = PADDING + line_height / 2.0;
  if (ti_chart_get_title (chart) != NULL)
    plot->top += line_height + PADDING;
  plot->left = PADDING + widest + PADDING;
  plot->right = MAX (plot->left + 1, width - PADDING);
  plot->bottom = MAX (plot->top + 1, height - PADDING - line_height - PADDING);
}

static double
value_y (TiColumnChart *self, const Plot *plot, double value)
{
  return plot->bottom - ti_chart_axis_fraction (&self->axis, value) * (plot->bottom - plot->top);
}

static void
column_rect (TiColumnChart *self, const Plot *plot, guint index, graphene_rect_t *rect)
{
  double slot = (plot->right - plot->left) / self->values->len;
  double width = MIN (slot * COLUMN_SHARE, MAX_COLUMN_WIDTH);
  double value = g_array_index (self->values, double, index);
  double y_value = value_y (self, plot, value);
  double y_zero = value_y (self, plot, 0);

  rect->origin.x = plot->left + slot * index + (slot - width) / 2;
  rect->origin.y = MIN (y_value, y_zero);
  rect->size.width = width;
  rect->size.height = fabs (y_zero - y_value);
}

static int
column_at (TiColumnChart *self, double x, double y)
{
  GtkWidget *widget = GTK_WIDGET (self);
  Plot plot;
  double slot;
  int index;

  if (self->values->len == 0)
    return -1;
  compute_plot (self, gtk_widget_get_width (widget), gtk_widget_get_height (widget), &plot);
  if (x < plot.left || x >= plot.right || y < 0 || y > gtk_widget_get_height (widget))
    return -1;
  slot = (plot.right - plot.left) / self->values->len;
  index = (int) ((x - plot.left) / slot);
  return CLAMP (index, 0, (int) self->values->len - 1);
}

static gboolean
ti_column_chart_has_data (TiChart *chart)
{
  return TI_COLUMN_CHART (chart)->values->len > 0;
}

static void
ti_column_chart_draw (TiChart *chart, cairo_t *cr, int width, int height)
{
  TiColumnChart *self = TI_COLUMN_CHART (chart);
  GdkRGBA foreground, dim, grid, accent;
  int line_height;
  double slot;
  Plot plot;

  ti_chart_get_colour (chart, TI_CHART_COLOUR_FOREGROUND, &foreground);
  ti_chart_get_colour (chart, TI_CHART_COLOUR_DIM, &dim);
  ti_chart_get_colour (chart, TI_CHART_COLOUR_GRID, &grid);
  ti_chart_get_colour (chart, TI_CHART_COLOUR_ACCENT, &accent);
  ti_chart_measure_text (chart, "0", NULL, &line_height);
  compute_plot (self, width, height, &plot);

  if (ti_chart_get_title (chart) != NULL)
    ti_chart_draw_text (chart, cr, ti_chart_get_title (chart), PADDING, PADDING, 0, 0,
                        &foreground, TRUE);

  /* Grid lines and the value axis. */
  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < self->axis.n_ticks; i++)
    {
      double value = ti_chart_axis_tick (&self->axis, i);
      double y = round (value_y (self, &plot, value)) + 0.5;
      g_autofree char *label = ti_chart_axis_format_count (value);

      gdk_cairo_set_source_rgba (cr, &grid);
      cairo_move_to (cr, plot.left, y);
      cairo_line_to (cr, plot.right, y);
      cairo_stroke (cr);
      ti_chart_draw_text (chart, cr, label, plot.left - PADDING, y, 1, 0.5, &dim, FALSE);
    }

  /* The columns, each with its value; the highlighted one outlined. */
  slot = (plot.right - plot.left) / self->values->len;
  for (guint i = 0; i < self->values->len; i++)
    {
      double value = g_array_index (self->values, double, i);
      const char *category = g_ptr_array_index (self->categories, i);
      g_autofree char *value_label = ti_chart_axis_format_count (value);
      g_autoptr (PangoLayout) layout = NULL;
      gboolean highlighted = (int) i == self->hovered || (int) i == self->selected;
      graphene_rect_t rect;

      column_rect (self, &plot, i, &rect);
      if (rect.size.height > 0)
        {
          gdk_cairo_set_source_rgba (cr, &accent);
          cairo_rectangle (cr, rect.origin.x, rect.origin.y, rect.size.width, rect.size.height);
          cairo_fill (cr);
          if (highlighted)
            {
              gdk_cairo_set_source_rgba (cr, &foreground);
              cairo_set_line_width (cr, 2);
              cairo_rectangle (cr, rect.origin.x - 1, rect.origin.y - 1, rect.size.width + 2,
                               rect.size.height + 2);
              cairo_stroke (cr);
            }
        }

      ti_chart_draw_text (chart, cr, value_label, rect.origin.x + rect.size.width / 2,
                          rect.origin.y - 2, 0.5, 1, &foreground, highlighted);

      layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), category);
      pango_layout_set_width (layout, (int) (slot * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      pango_cairo_update_layout (cr, layout);
      gdk_cairo_set_source_rgba (cr, highlighted ? &foreground : &dim);
      cairo_move_to (cr, plot.left + slot * i, plot.bottom + PADDING);
      pango_cairo_show_layout (cr, layout);
    }
}

/**
 * ti_column_chart_describe_column:
 * @self: a column chart
 * @index: a column
 *
 * Returns: (transfer full): the column's category and exact value, as its tooltip says them
 */
char *
ti_column_chart_describe_column (TiColumnChart *self, guint index)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (TI_IS_COLUMN_CHART (self), NULL);
  g_return_val_if_fail (index < self->values->len, NULL);

  value = ti_chart_axis_format_count (g_array_index (self->values, double, index));
  /* Translators: a column of a chart: its category, then its value */
  return g_strdup_printf (C_("chart column", "%s: %s"),
                          (const char *) g_ptr_array_index (self->categories, index), value);
}

static void
update_description (TiColumnChart *self)
{
  g_autofree char *description = NULL;
  guint largest = 0, smallest = 0;

  if (self->values->len == 0)
    {
      ti_chart_set_description (TI_CHART (self), _("No data for this period"));
      return;
    }
  for (guint i = 1; i < self->values->len; i++)
    {
      double value = g_array_index (self->values, double, i);

      if (value > g_array_index (self->values, double, largest))
        largest = i;
      if (value < g_array_index (self->values, double, smallest))
        smallest = i;
    }

  {
    g_autofree char *most = ti_column_chart_describe_column (self, largest);
    g_autofree char *least = ti_column_chart_describe_column (self, smallest);

    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                /* Translators: a column chart described in
                                                 * words: how many columns, the largest and the
                                                 * smallest ("Wellsway School: 87") */
                                                "%u column. Largest: %s. Smallest: %s.",
                                                "%u columns. Largest: %s. Smallest: %s.",
                                                self->values->len),
                                   self->values->len, most, least);
  }
  ti_chart_set_description (TI_CHART (self), description);
}

/**
 * ti_column_chart_set_data:
 * @self: a column chart
 * @categories: (array length=n_values): the categories, in the order of their columns
 * @values: (array length=n_values): a count for each category
 * @n_values: how many columns
 *
 * Shows new data: the axis and the description are worked out here, not while drawing.
 */
void
ti_column_chart_set_data (TiColumnChart *self, const char *const *categories,
                          const double *values, guint n_values)
{
  double low = 0, high = 0;

  g_return_if_fail (TI_IS_COLUMN_CHART (self));
  g_return_if_fail (n_values == 0 || (categories != NULL && values != NULL));

  g_ptr_array_set_size (self->categories, 0);
  g_array_set_size (self->values, 0);
  for (guint i = 0; i < n_values; i++)
    {
      g_ptr_array_add (self->categories, g_strdup (categories[i] ? categories[i] : ""));
      g_array_append_val (self->values, values[i]);
      low = MIN (low, values[i]);
      high = MAX (high, values[i]);
    }
  ti_chart_axis_compute (low, high, TRUE, MAX_TICKS, &self->axis);
  self->hovered = -1;
  if (self->selected >= (int) n_values)
    self->selected = n_values > 0 ? (int) n_values - 1 : -1;
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * ti_column_chart_get_n_columns:
 * @self: a column chart
 *
 * Returns: how many columns it shows
 */
guint
ti_column_chart_get_n_columns (TiColumnChart *self)
{
  g_return_val_if_fail (TI_IS_COLUMN_CHART (self), 0);
  return self->values->len;
}

/**
 * ti_column_chart_get_selected:
 * @self: a column chart
 *
 * Returns: the column chosen with the keyboard, or -1
 */
int
ti_column_chart_get_selected (TiColumnChart *self)
{
  g_return_val_if_fail (TI_IS_COLUMN_CHART (self), -1);
  return self->selected;
}

/**
 * ti_column_chart_move_selection:
 * @self: a column chart
 * @delta: how many columns to move: negative to the left
 *
 * Moves the keyboard's column, stopping at the first and the last; the first move chooses the
 * first column (or the last, going left).
 */
void
ti_column_chart_move_selection (TiColumnChart *self, int delta)
{
  int n;

  g_return_if_fail (TI_IS_COLUMN_CHART (self));

  n = (int) self->values->len;
  if (n == 0)
    return;
  if (self->selected < 0)
    self->selected = delta < 0 ? n - 1 : 0;
  else
    self->selected = CLAMP (self->selected + delta, 0, n - 1);
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state, TiColumnChart *self)
{
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      ti_column_chart_move_selection (self, gtk_widget_get_direction (GTK_WIDGET (self))
                                                == GTK_TEXT_DIR_RTL ? 1 : -1);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      ti_column_chart_move_selection (self, gtk_widget_get_direction (GTK_WIDGET (self))
                                                == GTK_TEXT_DIR_RTL ? -1 : 1);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
set_hovered (TiColumnChart *self, int index)
{
  if (self->hovered == index)
    return;
  self->hovered = index;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion (GtkEventControllerMotion *controller, double x, double y, TiColumnChart *self)
{
  set_hovered (self, column_at (self, x, y));
}

static void
on_leave (GtkEventControllerMotion *controller, TiColumnChart *self)
{
  set_hovered (self, -1);
}

static gboolean
on_query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard_mode, GtkTooltip *tooltip,
                  TiColumnChart *self)
{
  int index = keyboard_mode ? self->selected : column_at (self, x, y);
  g_autofree char *text = NULL;

  if (index < 0 || index >= (int) self->values->len)
    return FALSE;
  text = ti_column_chart_describe_column (self, index);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
ti_column_chart_finalize (GObject *object)
{
  TiColumnChart *self = TI_COLUMN_CHART (object);

  g_ptr_array_unref (self->categories);
  g_array_unref (self->values);
  G_OBJECT_CLASS (ti_column_chart_parent_class)->finalize (object);
}

static void
ti_column_chart_class_init (TiColumnChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TiChartClass *chart_class = TI_CHART_CLASS (klass);

  object_class->finalize = ti_column_chart_finalize;
  chart_class->draw = ti_column_chart_draw;
  chart_class->has_data = ti_column_chart_has_data;
}

static void
ti_column_chart_init (TiColumnChart *self)
{
  GtkEventController *controller;

  self->categories = g_ptr_array_new_with_free_func (g_free);
  self->values = g_array_new (FALSE, FALSE, sizeof (double));
  self->hovered = -1;
  self->selected = -1;
  ti_chart_axis_compute (0, 0, TRUE, MAX_TICKS, &self->axis);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
}

/**
 * ti_column_chart_new:
 * @title: (nullable): what the chart shows, in a few words
 *
 * Returns: (transfer floating): a column chart with no data yet
 */
TiChart *
ti_column_chart_new (const char *title)
{
  return g_object_new (TI_TYPE_COLUMN_CHART, "title", title, NULL);
}
