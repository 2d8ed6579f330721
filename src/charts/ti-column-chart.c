/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-column-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ti-column-chart-private.h"

/**
 * TiColumnChart:
 *
 * Columns (or bars) of figures: one for each category on a value axis with nice ticks and grid
 * lines. Several series stand side by side or stacked, each in its colour and named in the
 * legend. Values are written beside their columns wherever they fit (stacked columns carry
 * their total), so colour is never all a column has to say.
 *
 * Horizontal, it is a bar chart: one row for each category, its name at the left, growing
 * taller with the number of categories, for long lists such as attendance by event.
 */

#define MAX_TICKS 6
#define ROW_HEIGHT 30.0

G_DEFINE_FINAL_TYPE (TiColumnChart, ti_column_chart, TI_TYPE_CHART)

enum
{
  PROP_0,
  PROP_STACKED,
  PROP_HORIZONTAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  graphene_rect_t area; /* where the columns stand */
  double slot;          /* a category's share of the category axis */
  double band;          /* how thick its columns are, side by side */
  double label_width;   /* horizontal: the categories' names at the left */
  int label_lines;      /* vertical: lines of the categories' names under the columns */
} Geometry;

static Item *
item (TiColumnChart *self, guint category, guint series)
{
  return &g_array_index (self->items, Item, series * self->n_categories + category);
}

static gboolean
side_by_side (TiColumnChart *self)
{
  return !self->stacked && self->n_series > 1;
}

static int
widest_category (TiColumnChart *self)
{
  TiSeries *series = ti_chart_get_series (TI_CHART (self));
  int widest = 0;

  for (guint c = 0; c < self->n_categories; c++)
    {
      int width;

      ti_chart_measure_text (TI_CHART (self), ti_series_get_category_label (series, c), &width,
                             NULL);
      widest = MAX (widest, width);
    }
  return widest;
}

static int
widest_value (TiColumnChart *self)
{
  int widest = 0, width;

  for (guint i = 0; i < self->items->len; i++)
    {
      ti_chart_measure_text (TI_CHART (self), g_array_index (self->items, Item, i).label, &width,
                             NULL);
      widest = MAX (widest, width);
    }
  for (guint c = 0; self->ends && c < self->ends->len; c++)
    {
      ti_chart_measure_text (TI_CHART (self), g_ptr_array_index (self->ends, c), &width, NULL);
      widest = MAX (widest, width);
    }
  return widest;
}

static void
compute_geometry (TiColumnChart *self, const graphene_rect_t *plot, Geometry *g)
{
  TiChart *chart = TI_CHART (self);
  TiSeries *series = ti_chart_get_series (chart);
  gboolean counts = series != NULL && ti_series_get_format (series) == TI_SERIES_FORMAT_COUNT;
  double line = ti_chart_line_height (chart);
  double left = plot->origin.x, top = plot->origin.y;
  double right = left + plot->size.width, bottom = top + plot->size.height;
  double n = MAX (self->n_categories, 1);

  g->label_width = 0;
  g->label_lines = 1;
  if (!self->horizontal)
    {
      /* The names' lines with the last axis's labels, then as many ticks as the height has
       * room for, then room at the left for their labels. */
      int ticks = ti_chart_widest_tick (chart, series, &self->axis);

      g->slot = MAX (right - left - ticks - TI_CHART_GAP, 1) / n;
      if (widest_category (self) > g->slot - 4)
        g->label_lines = 2;
      top += line + 4;
      bottom -= TI_CHART_GAP + g->label_lines * line;
      ti_chart_fit_axis (chart, self->low, self->high, counts, bottom - top, FALSE, &self->axis);
      left += ti_chart_widest_tick (chart, series, &self->axis) + TI_CHART_GAP;
      g->slot = MAX (right - left, 1) / n;
      g->band = side_by_side (self) ? MIN (g->slot * 0.8, self->n_series * 32.0)
                                    : MIN (g->slot * 0.62, 72.0);
    }
  else
    {
      g->label_width = MIN (widest_category (self), plot->size.width * 0.35);
      left += g->label_width + TI_CHART_GAP;
      right -= widest_value (self) + TI_CHART_GAP;
      bottom -= line + TI_CHART_GAP / 2;
      /* As many ticks as their labels have room for side by side. */
      ti_chart_fit_axis (chart, self->low, self->high, counts, right - left, TRUE, &self->axis);
      g->slot = MAX (bottom - top, 1) / n;
      g->band = side_by_side (self) ? MIN (g->slot * 0.8, self->n_series * 16.0)
                                    : MIN (g->slot * 0.62, 28.0);
    }
  g->area = GRAPHENE_RECT_INIT (left, top, MAX (right - left, 1), MAX (bottom - top, 1));
}

/* Where an item's column is drawn; FALSE when it has no value. */
static gboolean
item_rect (TiColumnChart *self, const Geometry *g, guint category, guint series,
           graphene_rect_t *rect)
{
  const Item *it = item (self, category, series);
  double across = g->slot * category + (g->slot - g->band) / 2;
  double thickness = g->band;
  double low = ti_chart_axis_fraction (&self->axis, MIN (it->from, it->to));
  double high = ti_chart_axis_fraction (&self->axis, MAX (it->from, it->to));

  if (it->missing)
    return FALSE;
  if (side_by_side (self))
    {
      thickness = g->band / self->n_series;
      across += series * thickness;
    }
  if (!self->horizontal)
    *rect = GRAPHENE_RECT_INIT (g->area.origin.x + across,
                                g->area.origin.y + g->area.size.height * (1 - high), thickness,
                                g->area.size.height * (high - low));
  else
    *rect = GRAPHENE_RECT_INIT (g->area.origin.x + g->area.size.width * low,
                                g->area.origin.y + across, g->area.size.width * (high - low),
                                thickness);
  return TRUE;
}

static gboolean
ti_column_chart_item_at (TiChart *chart, const graphene_rect_t *plot, double x, double y,
                         guint *category, guint *series)
{
  TiColumnChart *self = TI_COLUMN_CHART (chart);
  double along, best = INFINITY;
  gboolean found = FALSE;
  Geometry g;
  int c;

  compute_geometry (self, plot, &g);
  if (!graphene_rect_contains_point (plot, &GRAPHENE_POINT_INIT (x, y)))
    return FALSE;
  along = self->horizontal ? y - g.area.origin.y : x - g.area.origin.x;
  c = (int) floor (along / g.slot);
  if (c < 0 || c >= (int) self->n_categories)
    return FALSE;

  /* In a category's slot, the nearest of its columns. */
  for (guint s = 0; s < self->n_series; s++)
    {
      graphene_rect_t rect;
      double dx, dy, distance;

      if (!item_rect (self, &g, c, s, &rect))
        continue;
      dx = MAX (MAX (rect.origin.x - x, x - (rect.origin.x + rect.size.width)), 0);
      dy = MAX (MAX (rect.origin.y - y, y - (rect.origin.y + rect.size.height)), 0);
      distance = dx * dx + dy * dy;
      if (distance < best)
        {
          best = distance;
          *category = c;
          *series = s;
          found = TRUE;
        }
    }
  return found;
}

static void
draw_category_label (TiColumnChart *self, cairo_t *cr, const Geometry *g, guint category,
                     const GdkRGBA *colour)
{
  TiChart *chart = TI_CHART (self);
  const char *label = ti_series_get_category_label (ti_chart_get_series (chart), category);

  if (!self->horizontal)
    {
      g_autoptr (PangoLayout) layout = ti_chart_create_layout (chart, cr, label, FALSE, 1.0,
                                                               MAX (g->slot - 4, 1));

      PangoAttrList *attributes = pango_attr_list_new ();

      /* Two lines broken between words; a word too long for its column is cut short, not
       * hyphenated. */
      pango_attr_list_insert (attributes, pango_attr_insert_hyphens_new (FALSE));
      pango_layout_set_attributes (layout, attributes);
      pango_attr_list_unref (attributes);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      pango_layout_set_height (layout, -g->label_lines);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      ti_chart_show_layout (cr, layout, g->area.origin.x + g->slot * category + 2,
                            g->area.origin.y + g->area.size.height + TI_CHART_GAP, 0, 0, colour);
    }
  else
    ti_chart_draw_label (chart, cr, label, g->area.origin.x - TI_CHART_GAP,
                         g->area.origin.y + g->slot * (category + 0.5), 1, 0.5, g->label_width,
                         colour);
}

/* A value beyond the end of its column (or its stack), when it fits there. */
static void
draw_end_label (TiColumnChart *self, cairo_t *cr, const graphene_rect_t *rect,
                gboolean negative, const char *text, double room, gboolean bold)
{
  TiChart *chart = TI_CHART (self);
  g_autoptr (PangoLayout) layout = ti_chart_create_layout (chart, cr, text, bold, 1.0, 0);
  GdkRGBA foreground;
  int width, height;

  ti_chart_get_colour (chart, TI_CHART_COLOUR_FOREGROUND, &foreground);
  pango_layout_get_pixel_size (layout, &width, &height);
  if (!self->horizontal)
    {
      double x = rect->origin.x + rect->size.width / 2;

      if (width > room)
        return;
      if (negative)
        ti_chart_show_layout (cr, layout, x, rect->origin.y + rect->size.height + 2, 0.5, 0,
                              &foreground);
      else
        ti_chart_show_layout (cr, layout, x, rect->origin.y - 2, 0.5, 1, &foreground);
    }
  else
    {
      double y = rect->origin.y + rect->size.height / 2;

      if (height > room)
        return;
      if (negative)
        ti_chart_show_layout (cr, layout, rect->origin.x - 4, y, 1, 0.5, &foreground);
      else
        ti_chart_show_layout (cr, layout, rect->origin.x + rect->size.width + 4, y, 0, 0.5,
                              &foreground);
    }
}

/* A stacked segment's value inside it, when it fits. */
static void
draw_inner_label (TiColumnChart *self, cairo_t *cr, const graphene_rect_t *rect,
                  const char *text, const GdkRGBA *fill)
{
  g_autoptr (PangoLayout) layout = ti_chart_create_layout (TI_CHART (self), cr, text, FALSE, 1.0,
                                                           0);
  GdkRGBA colour;
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  if (width + 4 > rect->size.width || height + 2 > rect->size.height)
    return;
  ti_chart_contrasting_text (fill, &colour);
  ti_chart_show_layout (cr, layout, rect->origin.x + rect->size.width / 2,
                        rect->origin.y + rect->size.height / 2, 0.5, 0.5, &colour);
}

static void
ti_column_chart_draw (TiChart *chart, cairo_t *cr, const graphene_rect_t *plot)
{
  TiColumnChart *self = TI_COLUMN_CHART (chart);
  GdkRGBA foreground, dim;
  double line = ti_chart_line_height (chart);
  Geometry g;

  ti_chart_get_colour (chart, TI_CHART_COLOUR_FOREGROUND, &foreground);
  ti_chart_get_colour (chart, TI_CHART_COLOUR_DIM, &dim);
  compute_geometry (self, plot, &g);
  ti_chart_draw_value_axis (chart, cr, &self->axis, &g.area, self->horizontal);

  for (guint c = 0; c < self->n_categories; c++)
    {
      gboolean category_highlighted = FALSE;
      graphene_rect_t stack = GRAPHENE_RECT_INIT (0, 0, 0, 0);
      gboolean any = FALSE;

      for (guint s = 0; s < self->n_series; s++)
        {
          const Item *it = item (self, c, s);
          gboolean highlighted = ti_chart_is_highlighted (chart, c, s);
          graphene_rect_t rect;
          GdkRGBA colour;

          if (!item_rect (self, &g, c, s, &rect))
            continue;
          ti_chart_series_colour (chart, s, &colour);
          if (side_by_side (self) && rect.size.width > 6 && !self->horizontal)
            rect.size.width -= 1;
          else if (side_by_side (self) && rect.size.height > 6 && self->horizontal)
            rect.size.height -= 1;
          ti_chart_fill_rectangle (cr, rect.origin.x, rect.origin.y, rect.size.width,
                                   rect.size.height, &colour);
          if (highlighted)
            {
              gdk_cairo_set_source_rgba (cr, &foreground);
              cairo_set_line_width (cr, 2);
              cairo_rectangle (cr, rect.origin.x - 1, rect.origin.y - 1, rect.size.width + 2,
                               rect.size.height + 2);
              cairo_stroke (cr);
              category_highlighted = TRUE;
            }

          if (self->stacked)
            {
              draw_inner_label (self, cr, &rect, it->label, &colour);
              graphene_rect_union (any ? &stack : &rect, &rect, &stack);
              any = TRUE;
            }
          else
            draw_end_label (self, cr, &rect, it->to < it->from, it->label,
                            self->horizontal ? rect.size.height + 4
                                             : g.slot / (side_by_side (self) ? self->n_series : 1),
                            highlighted);
        }

      if (self->stacked && any)
        draw_end_label (self, cr, &stack, FALSE, g_ptr_array_index (self->ends, c),
                        self->horizontal ? line : g.slot, TRUE);
      draw_category_label (self, cr, &g, c, category_highlighted ? &foreground : &dim);
    }
}

static void
ti_column_chart_update (TiChart *chart, TiSeries *series)
{
  TiColumnChart *self = TI_COLUMN_CHART (chart);
  double low = 0, high = 0;

  g_array_set_size (self->items, 0);
  g_clear_pointer (&self->ends, g_ptr_array_unref);
  self->n_categories = series ? ti_series_get_n_categories (series) : 0;
  self->n_series = series ? ti_series_get_n_series (series) : 0;
  if (series == NULL)
    {
      ti_chart_axis_compute (0, 0, TRUE, MAX_TICKS, &self->axis);
      return;
    }

  /* Columns stand on zero, whatever the values' format. */
  ti_series_get_range (series, self->stacked, &low, &high);
  self->low = MIN (low, 0);
  self->high = MAX (high, 0);
  ti_chart_axis_compute (self->low, self->high,
                         ti_series_get_format (series) == TI_SERIES_FORMAT_COUNT, MAX_TICKS,
                         &self->axis);

  g_array_set_size (self->items, self->n_categories * self->n_series);
  if (self->stacked)
    self->ends = g_ptr_array_new_with_free_func (g_free);
  for (guint c = 0; c < self->n_categories; c++)
    {
      double positive = 0, negative = 0;

      for (guint s = 0; s < self->n_series; s++)
        {
          Item *it = item (self, c, s);
          double value = ti_series_get_value (series, s, c);

          it->label = ti_series_format (series, value);
          it->missing = isnan (value);
          if (it->missing)
            continue;
          if (!self->stacked)
            {
              it->from = 0;
              it->to = value;
            }
          else if (value >= 0)
            {
              it->from = positive;
              positive += value;
              it->to = positive;
            }
          else
            {
              it->from = negative;
              negative += value;
              it->to = negative;
            }
        }
      if (self->stacked)
        g_ptr_array_add (self->ends, ti_series_format (series, positive + negative));
    }
}

static int
ti_column_chart_natural_plot_height (TiChart *chart, int width)
{
  TiColumnChart *self = TI_COLUMN_CHART (chart);
  double row = side_by_side (self) ? MAX (ROW_HEIGHT, self->n_series * 14.0 + 12) : ROW_HEIGHT;

  if (!self->horizontal)
    return 0;
  return (int) ceil (self->n_categories * row + ti_chart_line_height (chart) + TI_CHART_GAP);
}

static void
clear_item (gpointer data)
{
  Item *it = data;

  g_clear_pointer (&it->label, g_free);
}

static void
ti_column_chart_finalize (GObject *object)
{
  TiColumnChart *self = TI_COLUMN_CHART (object);

  g_array_unref (self->items);
  g_clear_pointer (&self->ends, g_ptr_array_unref);
  G_OBJECT_CLASS (ti_column_chart_parent_class)->finalize (object);
}

static void
ti_column_chart_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TiColumnChart *self = TI_COLUMN_CHART (object);

  switch (prop_id)
    {
    case PROP_STACKED:
      g_value_set_boolean (value, self->stacked);
      break;
    case PROP_HORIZONTAL:
      g_value_set_boolean (value, self->horizontal);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ti_column_chart_set_property (GObject *object, guint prop_id, const GValue *value,
                              GParamSpec *pspec)
{
  TiColumnChart *self = TI_COLUMN_CHART (object);

  switch (prop_id)
    {
    case PROP_STACKED:
      ti_column_chart_set_stacked (self, g_value_get_boolean (value));
      break;
    case PROP_HORIZONTAL:
      ti_column_chart_set_horizontal (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ti_column_chart_class_init (TiColumnChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TiChartClass *chart_class = TI_CHART_CLASS (klass);

  object_class->finalize = ti_column_chart_finalize;
  object_class->get_property = ti_column_chart_get_property;
  object_class->set_property = ti_column_chart_set_property;

  chart_class->update = ti_column_chart_update;
  chart_class->draw = ti_column_chart_draw;
  chart_class->item_at = ti_column_chart_item_at;
  chart_class->describe = ti_column_chart_describe;
  chart_class->natural_plot_height = ti_column_chart_natural_plot_height;

  /**
   * TiColumnChart:stacked:
   *
   * Whether several series are stacked in one column, rather than side by side.
   */
  properties[PROP_STACKED] =
    g_param_spec_boolean ("stacked", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TiColumnChart:horizontal:
   *
   * Whether the chart is drawn as bars, one row for each category with its name at the left.
   */
  properties[PROP_HORIZONTAL] =
    g_param_spec_boolean ("horizontal", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ti_column_chart_init (TiColumnChart *self)
{
  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (self->items, clear_item);
  ti_chart_axis_compute (0, 0, TRUE, MAX_TICKS, &self->axis);
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

static void
set_option (TiColumnChart *self, gboolean *option, gboolean value, guint prop)
{
  value = !!value;
  if (*option == value)
    return;
  *option = value;
  ti_chart_set_rows (TI_CHART (self), self->horizontal);
  ti_chart_update (TI_CHART (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/**
 * ti_column_chart_get_stacked:
 * @self: a column chart
 *
 * Returns: whether several series are stacked
 */
gboolean
ti_column_chart_get_stacked (TiColumnChart *self)
{
  g_return_val_if_fail (TI_IS_COLUMN_CHART (self), FALSE);
  return self->stacked;
}

/**
 * ti_column_chart_set_stacked:
 * @self: a column chart
 * @stacked: whether to stack several series in one column (their total on top), rather than
 *   stand them side by side
 */
void
ti_column_chart_set_stacked (TiColumnChart *self, gboolean stacked)
{
  g_return_if_fail (TI_IS_COLUMN_CHART (self));
  set_option (self, &self->stacked, stacked, PROP_STACKED);
}

/**
 * ti_column_chart_get_horizontal:
 * @self: a column chart
 *
 * Returns: whether it is drawn as bars
 */
gboolean
ti_column_chart_get_horizontal (TiColumnChart *self)
{
  g_return_val_if_fail (TI_IS_COLUMN_CHART (self), FALSE);
  return self->horizontal;
}

/**
 * ti_column_chart_set_horizontal:
 * @self: a column chart
 * @horizontal: whether to draw bars, one row for each category with its name at the left; the
 *   chart's natural height then grows with the number of categories
 */
void
ti_column_chart_set_horizontal (TiColumnChart *self, gboolean horizontal)
{
  g_return_if_fail (TI_IS_COLUMN_CHART (self));
  set_option (self, &self->horizontal, horizontal, PROP_HORIZONTAL);
}
