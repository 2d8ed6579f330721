/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ti-chart-private.h"

/**
 * TiChart:
 *
 * The base of every chart: a title, a #TiSeries of figures, colours from the theme, one drawing
 * path for the screen and for saved files, a legend, an honest empty state, and what people who
 * do not use a mouse or do not see the chart need: keyboard focus, arrow keys that move from
 * item to item with the item's exact value as a tooltip, Enter to open it, and for assistive
 * technologies role image, the title as label and a description in words kept up to date with
 * the data.
 *
 * Kinds of chart draw their data and say which item lies under a point; the base does the rest,
 * so hovering, clicking and the keyboard behave alike in every kind.
 */

G_DEFINE_TYPE_WITH_PRIVATE (TiChart, ti_chart, GTK_TYPE_WIDGET)

/* What the files of the base share about a chart. */
TiChartPrivate *
ti_chart_get_private (TiChart *self)
{
  return ti_chart_get_instance_private (self);
}

enum
{
  PROP_0,
  PROP_TITLE,
  PROP_CAPTION,
  PROP_DESCRIPTION,
  PROP_SERIES,
  PROP_SHOW_TITLE,
  PROP_SELECTED_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  ITEM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * ti_chart_is_drawing_file:
 * @self: a chart
 *
 * Returns: whether the chart is being drawn into a saved file, which carries its title and no
 *   highlight
 */
gboolean
ti_chart_is_drawing_file (TiChart *self)
{
  TiChartPrivate *priv = ti_chart_get_instance_private (self);

  return priv->drawing_file;
}

void
ti_chart_set_drawing_file (TiChart *self, gboolean drawing_file)
{
  TiChartPrivate *priv = ti_chart_get_instance_private (self);

  priv->drawing_file = drawing_file;
}

/**
 * ti_chart_set_rows:
 * @self: a chart
 * @rows: whether its items are laid out in rows, one per category
 *
 * For kinds of chart: with rows, Up and Down move between categories and Left and Right
 * between series; otherwise the other way round.
 */
void
ti_chart_set_rows (TiChart *self, gboolean rows)
{
  TiChartPrivate *priv = ti_chart_get_instance_private (self);

  priv->rows = rows;
}

/* How many categories the keyboard moves between. */
guint
ti_chart_n_categories (TiChart *self)
{
  TiChartPrivate *priv = ti_chart_get_instance_private (self);

  return priv->series ? ti_series_get_n_categories (priv->series) : 0;
}

/* How many series the keyboard moves between. */
guint
ti_chart_n_item_series (TiChart *self)
{
  TiChartPrivate *priv = ti_chart_get_instance_private (self);

  if (priv->series == NULL)
    return 0;
  return MIN (TI_CHART_GET_CLASS (self)->get_n_item_series (self),
              ti_series_get_n_series (priv->series));
}

gboolean
ti_chart_has_data (TiChart *self)
{
  return TI_CHART_GET_CLASS (self)->has_data (self);
}

static gboolean
ti_chart_real_has_data (TiChart *self)
{
  TiChartPrivate *priv = ti_chart_get_instance_private (self);

  if (priv->series == NULL || ti_series_get_n_categories (priv->series) == 0
      || !ti_series_has_values (priv->series))
    return FALSE;
  /* Counts that are all zero are an empty period, not a chart of zeros. */
  if (ti_series_get_format (priv->series) != TI_SERIES_FORMAT_COUNT)
    return TRUE;
  for (guint s = 0; s < ti_series_get_n_series (priv->series); s++)
    for (guint c = 0; c < ti_series_get_n_categories (priv->series); c++)
      {
        double value = ti_series_get_value (priv->series, s, c);

        if (!isnan (value) && value != 0)
          return TRUE;
      }
  return FALSE;
}

static guint
ti_chart_real_get_n_item_series (TiChart *self)
{
  TiChartPrivate *priv = ti_chart_get_instance_private (self);

  return priv->series ? ti_series_get_n_series (priv->series) : 0;
}

static int
ti_chart_real_natural_plot_height (TiChart *self, int width)
{
  return 0;
}

static int natural_height (TiChart *self, int width);

/**
 * ti_chart_update:
 * @self: a chart
 *
 * Works out again what drawing needs, after the series or one of the kind's options changed:
 * the kind's layout data, the legend, the description; keeps the keyboard's item if it is still
 * there. Never called while drawing.
 */
void
ti_chart_update (TiChart *self)
{
  TiChartPrivate *priv = ti_chart_get_instance_private (self);
  TiChartClass *klass = TI_CHART_GET_CLASS (self);
  g_autofree char *description = NULL;

  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height_before = width > 0 ? natural_height (self, width) : -1;

  klass->update (self, priv->series);

  g_array_set_size (priv->legend, 0);
  if (ti_chart_has_data (self))
    klass->fill_legend (self, priv->legend);

  priv->hovered_category = priv->hovered_series = -1;
  if (priv->selected_category >= 0)
    {
      if (ti_chart_n_categories (self) == 0 || ti_chart_n_item_series (self) == 0)
        priv->selected_category = priv->selected_series = -1;
      else
        {
          priv->selected_category = MIN (priv->selected_category, (int) ti_chart_n_categories (self) - 1);
          priv->selected_series = MIN (priv->selected_series, (int) ti_chart_n_item_series (self) - 1);
        }
    }

  if (ti_chart_has_data (self))
    description = klass->describe (self);
  ti_chart_set_description (self, description ? description : _("No data for this period"));
  ti_chart_update_selected_description (self);

  /* New figures of the same shape only redraw; the page is laid out again only when the
   * chart wants another height (more bars, a longer legend). */
  if (height_before < 0 || natural_height (self, width) != height_before)
    gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * ti_chart_set_series:
 * @self: a chart
 * @series: (nullable): the figures to show; the chart keeps a reference
 *
 * Shows new figures: the layout, the legend and the description are worked out here, not while
 * drawing.
 */
void
ti_chart_set_series (TiChart *self, TiSeries *series)
{
  TiChartPrivate *priv = ti_chart_get_instance_private (self);

  g_return_if_fail (TI_IS_CHART (self));

  if (priv->series == series)
    return;
  if (series != NULL)
    ti_series_ref (series);
  g_clear_pointer (&priv->series, ti_series_unref);
  priv->series = series;
  ti_chart_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERIES]);
}

/**
 * ti_chart_get_series:
 * @self: a chart
 *
 * Returns: (transfer none) (nullable): the figures the chart shows
 */
TiSeries *
ti_chart_get_series (TiChart *self)
{
  TiChartPrivate *priv = ti_chart_get_instance_private (self);

  g_return_val_if_fail (TI_IS_CHART (self), NULL);
  return priv->series;
}

/**
 * ti_chart_get_show_title:
 * @self: a chart
 *
 * Returns: whether the chart draws its title on screen
 */
gboolean
ti_chart_get_show_title (TiChart *self)
{
  TiChartPrivate *priv = ti_chart_get_instance_private (self);

  g_return_val_if_fail (TI_IS_CHART (self), FALSE);
  return priv->show_title;
}

/**
 * ti_chart_set_show_title:
 * @self: a chart
 * @show: whether to draw the title on screen
 *
 * A card that shows the title as its heading turns it off; saved files always carry it.
 */
void
ti_chart_set_show_title (TiChart *self, gboolean show)
{
  TiChartPrivate *priv = ti_chart_get_instance_private (self);

  g_return_if_fail (TI_IS_CHART (self));

  show = !!show;
  if (priv->show_title == show)
    return;
  priv->show_title = show;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TITLE]);
}

static void
ti_chart_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  ti_chart_draw (TI_CHART (widget), cr, width, height);
  cairo_destroy (cr);
}

/* The height the chart would like at @width: its plot's natural height with the title and
 * legend around it, or a default for kinds whose plot takes any height. */
static int
natural_height (TiChart *self, int width)
{
  int plot = ti_chart_has_data (self) ? TI_CHART_GET_CLASS (self)->natural_plot_height (self, width)
                                      : 0;
  TiChartFrame frame;

  if (plot <= 0)
    return 280;
  ti_chart_compute_frame (self, width, 10000, &frame);
  return MAX (280, plot + (int) ceil (10000 - frame.plot.size.height));
}

/**
 * ti_chart_get_file_height:
 * @self: a chart
 * @width: a saved file's width
 *
 * Returns: the height a saved file of the chart wants at @width, with its title and caption
 */
int
ti_chart_get_file_height (TiChart *self, int width)
{
  TiChartPrivate *priv = ti_chart_get_instance_private (self);
  gboolean drawing_file = priv->drawing_file;
  int height;

  priv->drawing_file = TRUE;
  height = natural_height (self, width);
  priv->drawing_file = drawing_file;
  return height;
}

static void
ti_chart_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                  int *natural, int *minimum_baseline, int *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 160;
      *natural = 400;
    }
  else
    {
      *minimum = 120;
      *natural = natural_height (TI_CHART (widget), for_size > 0 ? for_size : 400);
    }
}

static void
ti_chart_state_flags_changed (GtkWidget *widget, GtkStateFlags previous)
{
  GTK_WIDGET_CLASS (ti_chart_parent_class)->state_flags_changed (widget, previous);
  /* The keyboard's item is highlighted only while the chart has focus. */
  if ((previous ^ gtk_widget_get_state_flags (widget)) & GTK_STATE_FLAG_FOCUSED)
    gtk_widget_queue_draw (widget);
}

static void
ti_chart_css_changed (GtkWidget *widget, GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (ti_chart_parent_class)->css_changed (widget, change);
  /* Colours and fonts come from the style: a new theme (dark, high contrast) redraws, and
   * text is measured in the new font. */
  g_clear_object (&ti_chart_get_private (TI_CHART (widget))->measure_layout);
  gtk_widget_queue_draw (widget);
}

/**
 * ti_chart_get_title:
 * @self: a chart
 *
 * Returns: (nullable): what the chart shows, in a few words
 */
const char *
ti_chart_get_title (TiChart *self)
{
  TiChartPrivate *priv = ti_chart_get_instance_private (self);

  g_return_val_if_fail (TI_IS_CHART (self), NULL);
  return priv->title;
}

/**
 * ti_chart_set_title:
 * @self: a chart
 * @title: (nullable): what the chart shows, in a few words; also its accessible label
 */
void
ti_chart_set_title (TiChart *self, const char *title)
{
  TiChartPrivate *priv = ti_chart_get_instance_private (self);

  g_return_if_fail (TI_IS_CHART (self));

  if (g_strcmp0 (priv->title, title) == 0)
    return;
  g_free (priv->title);
  priv->title = g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title ? title : "", -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * ti_chart_get_caption:
 * @self: a chart
 *
 * Returns: (nullable): the line saved files carry under the title
 */
const char *
ti_chart_get_caption (TiChart *self)
{
  TiChartPrivate *priv = ti_chart_get_instance_private (self);

  g_return_val_if_fail (TI_IS_CHART (self), NULL);
  return priv->caption;
}

/**
 * ti_chart_set_caption:
 * @self: a chart
 * @caption: (nullable): a line under the title of saved files, saying what the figures cover
 *   ("1 Jan 2023 – 30 Apr 2024 · Outcomes 1 · 4")
 *
 * On screen the page around the chart says it (a card's subtitle, the period chosen); a saved
 * file goes alone into a board paper, so it says its period itself.
 */
void
ti_chart_set_caption (TiChart *self, const char *caption)
{
  TiChartPrivate *priv = ti_chart_get_instance_private (self);

  g_return_if_fail (TI_IS_CHART (self));

  if (caption != NULL && caption[0] == '\0')
    caption = NULL;
  if (g_strcmp0 (priv->caption, caption) == 0)
    return;
  g_free (priv->caption);
  priv->caption = g_strdup (caption);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPTION]);
}

static void
ti_chart_real_update (TiChart *self, TiSeries *series)
{
}

static void
ti_chart_finalize (GObject *object)
{
  TiChartPrivate *priv = ti_chart_get_instance_private (TI_CHART (object));

  g_free (priv->title);
  g_free (priv->caption);
  g_free (priv->description);
  g_free (priv->selected_description);
  g_clear_pointer (&priv->series, ti_series_unref);
  g_array_unref (priv->legend);
  g_clear_object (&priv->measure_layout);
  G_OBJECT_CLASS (ti_chart_parent_class)->finalize (object);
}

static void
ti_chart_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TiChart *self = TI_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, ti_chart_get_title (self));
      break;
    case PROP_CAPTION:
      g_value_set_string (value, ti_chart_get_caption (self));
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, ti_chart_get_description (self));
      break;
    case PROP_SERIES:
      g_value_set_boxed (value, ti_chart_get_series (self));
      break;
    case PROP_SHOW_TITLE:
      g_value_set_boolean (value, ti_chart_get_show_title (self));
      break;
    case PROP_SELECTED_DESCRIPTION:
      g_value_set_string (value, ti_chart_get_selected_description (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ti_chart_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  TiChart *self = TI_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      ti_chart_set_title (self, g_value_get_string (value));
      break;
    case PROP_CAPTION:
      ti_chart_set_caption (self, g_value_get_string (value));
      break;
    case PROP_SERIES:
      ti_chart_set_series (self, g_value_get_boxed (value));
      break;
    case PROP_SHOW_TITLE:
      ti_chart_set_show_title (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ti_chart_class_init (TiChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ti_chart_finalize;
  object_class->get_property = ti_chart_get_property;
  object_class->set_property = ti_chart_set_property;

  widget_class->snapshot = ti_chart_snapshot;
  widget_class->measure = ti_chart_measure;
  widget_class->state_flags_changed = ti_chart_state_flags_changed;
  widget_class->css_changed = ti_chart_css_changed;

  klass->update = ti_chart_real_update;
  klass->has_data = ti_chart_real_has_data;
  klass->describe = ti_chart_real_describe;
  klass->describe_item = ti_chart_real_describe_item;
  klass->fill_legend = ti_chart_real_fill_legend;
  klass->get_n_item_series = ti_chart_real_get_n_item_series;
  klass->natural_plot_height = ti_chart_real_natural_plot_height;
  klass->get_headings = ti_chart_real_get_headings;
  klass->move = ti_chart_real_move;

  /**
   * TiChart:title:
   *
   * What the chart shows, in a few words; its accessible label.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TiChart:caption:
   *
   * A line under the title of saved files, saying what the figures cover.
   */
  properties[PROP_CAPTION] =
    g_param_spec_string ("caption", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TiChart:description:
   *
   * What the chart shows, in words (how many items, the largest and smallest values), kept up to
   * date with the data; its accessible description.
   */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TiChart:series:
   *
   * The figures the chart shows.
   */
  properties[PROP_SERIES] =
    g_param_spec_boxed ("series", NULL, NULL, TI_TYPE_SERIES,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TiChart:show-title:
   *
   * Whether the title is drawn on screen; saved files always carry it.
   */
  properties[PROP_SHOW_TITLE] =
    g_param_spec_boolean ("show-title", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TiChart:selected-description:
   *
   * The item chosen with the keyboard (or a click), in words, as its tooltip says it
   * ("Mar 2024 · Tier 1: 12,233"); %NULL when none is. A card shows it under the chart, since
   * GTK 4 shows no tooltip for the keyboard.
   */
  properties[PROP_SELECTED_DESCRIPTION] =
    g_param_spec_string ("selected-description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TiChart::item-activated:
   * @self: the chart
   * @category: the item's category
   * @series: the item's series
   *
   * An item was opened: Enter or Space on the item chosen with the keyboard, or a click on it.
   */
  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "chart");
}

static void
ti_chart_init (TiChart *self)
{
  TiChartPrivate *priv = ti_chart_get_instance_private (self);

  priv->show_title = TRUE;
  priv->hovered_category = priv->hovered_series = -1;
  priv->selected_category = priv->selected_series = -1;
  priv->legend = g_array_new (FALSE, FALSE, sizeof (TiChartLegendItem));
  g_array_set_clear_func (priv->legend, ti_chart_clear_legend_item);
  priv->description = g_strdup (_("No data for this period"));

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  priv->description, -1);

  ti_chart_init_input (self);
}
