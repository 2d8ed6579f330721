/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-timeline-strip"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ti-chart-private.h"
#include "ti-milestone-status.h"
#include "ti-timeline-strip.h"

/**
 * TiTimelineStrip:
 *
 * Milestones over months: one lane for each group (a workstream), each milestone a marker at
 * its due month (the first series' value, counted as year × 12 + month − 1) with its name under
 * it where there is room. A milestone's status (a #TiMilestoneStatus, the category's state)
 * gives its marker both a colour and a shape, and the legend names them. A line can mark today.
 */

#define MARKER 12.0
#define LABEL_MAX 190.0
#define LANE_MIN 58.0

struct _TiTimelineStrip
{
  TiChart parent_instance;

  int today; /* year × 12 + month − 1, or -1 */

  /* Worked out when the data changes. */
  guint n_categories;
  int first_month; /* the axis's first and last months */
  int last_month;
  GPtrArray *lanes; /* each lane's name */
  guint *lane_of;   /* each milestone's lane */
};

G_DEFINE_FINAL_TYPE (TiTimelineStrip, ti_timeline_strip, TI_TYPE_CHART)

typedef struct
{
  graphene_rect_t area; /* where the lanes are */
  double month;         /* a month's width */
  double lane;          /* a lane's height */
  double label_width;   /* the lanes' names at the left */
} Geometry;

static void
state_look (guint state, GdkRGBA *colour, TiChartMarker *marker)
{
  /* Okabe–Ito colours and a shape of their own for each status. */
  static const struct
  {
    guint palette;
    TiChartMarker marker;
  } looks[] = {
    [TI_MILESTONE_DONE] = { 2, TI_CHART_MARKER_CIRCLE },           /* bluish green */
    [TI_MILESTONE_DONE_LATE] = { 0, TI_CHART_MARKER_SQUARE },      /* blue */
    [TI_MILESTONE_ON_TRACK] = { 4, TI_CHART_MARKER_DIAMOND },      /* sky blue */
    [TI_MILESTONE_AT_RISK] = { 1, TI_CHART_MARKER_TRIANGLE },      /* orange */
    [TI_MILESTONE_LATE] = { 5, TI_CHART_MARKER_TRIANGLE_DOWN },    /* vermillion */
  };

  if (state < G_N_ELEMENTS (looks))
    {
      ti_chart_palette_colour (looks[state].palette, colour);
      *marker = looks[state].marker;
    }
  else
    {
      ti_chart_palette_colour (state, colour);
      *marker = (TiChartMarker) (state % TI_CHART_N_MARKERS);
    }
}

static void
compute_geometry (TiTimelineStrip *self, const graphene_rect_t *plot, Geometry *g)
{
  TiChart *chart = TI_CHART (self);
  double line = ti_chart_line_height (chart);
  double left = plot->origin.x, top = plot->origin.y;
  double bottom = plot->origin.y + plot->size.height - TI_CHART_GAP - 2 * line;
  int widest = 0;

  for (guint i = 0; i < self->lanes->len; i++)
    {
      int width;

      ti_chart_measure_text (chart, g_ptr_array_index (self->lanes, i), &width, NULL);
      widest = MAX (widest, width);
    }
  g->label_width = MIN (widest, plot->size.width * 0.25);
  if (g->label_width > 0)
    left += g->label_width + TI_CHART_GAP;
  if (self->today >= 0)
    top += line + 2;
  g->area = GRAPHENE_RECT_INIT (left, top, MAX (plot->origin.x + plot->size.width - left, 1),
                                MAX (bottom - top, 1));
  g->month = g->area.size.width / MAX (self->last_month - self->first_month + 1, 1);
  g->lane = g->area.size.height / MAX (self->lanes->len, 1);
}

static double
x_of (TiTimelineStrip *self, const Geometry *g, double month)
{
  return g->area.origin.x + (month - self->first_month + 0.5) * g->month;
}

static double
marker_y (const Geometry *g, guint lane)
{
  return g->area.origin.y + g->lane * lane + MARKER;
}

static gboolean
ti_timeline_strip_item_at (TiChart *chart, const graphene_rect_t *plot, double x, double y,
                           guint *category, guint *series)
{
  TiTimelineStrip *self = TI_TIMELINE_STRIP (chart);
  TiSeries *data = ti_chart_get_series (chart);
  double best = MARKER * 1.5;
  gboolean found = FALSE;
  Geometry g;

  compute_geometry (self, plot, &g);
  for (guint c = 0; c < self->n_categories; c++)
    {
      double due = ti_series_get_value (data, 0, c);
      double distance;

      if (isnan (due))
        continue;
      distance = hypot (x - x_of (self, &g, floor (due)), y - marker_y (&g, self->lane_of[c]));
      if (distance < best)
        {
          best = distance;
          *category = c;
          *series = 0;
          found = TRUE;
        }
    }
  return found;
}

static void
draw_lanes (TiTimelineStrip *self, cairo_t *cr, const Geometry *g)
{
  TiChart *chart = TI_CHART (self);
  GdkRGBA grid, dim, stripe;

  ti_chart_get_colour (chart, TI_CHART_COLOUR_GRID, &grid);
  ti_chart_get_colour (chart, TI_CHART_COLOUR_DIM, &dim);
  stripe = grid;
  stripe.alpha /= 3;
  for (guint i = 0; i < self->lanes->len; i++)
    {
      double top = g->area.origin.y + g->lane * i;

      if (i % 2 == 0)
        ti_chart_fill_rectangle (cr, g->area.origin.x, top, g->area.size.width, g->lane, &stripe);
      ti_chart_draw_label (chart, cr, g_ptr_array_index (self->lanes, i),
                           g->area.origin.x - TI_CHART_GAP, marker_y (g, i), 1, 0.5,
                           g->label_width, &dim);
    }

  /* A line where each year begins, and the axis under the lanes. */
  for (int m = self->first_month; m <= self->last_month; m++)
    if (m % 12 == 0 && m > self->first_month)
      {
        double x = round (x_of (self, g, m) - g->month / 2) + 0.5;

        ti_chart_stroke_line (cr, x, g->area.origin.y, x, g->area.origin.y + g->area.size.height,
                              1, &grid);
      }
  ti_chart_stroke_line (cr, g->area.origin.x, g->area.origin.y + g->area.size.height + 0.5,
                        g->area.origin.x + g->area.size.width,
                        g->area.origin.y + g->area.size.height + 0.5, 1, &dim);
  ti_chart_draw_month_axis (chart, cr, x_of (self, g, self->first_month), g->month,
                            self->first_month, self->last_month - self->first_month + 1,
                            g->area.origin.y + g->area.size.height + TI_CHART_GAP);
}

static void
draw_today (TiTimelineStrip *self, cairo_t *cr, const Geometry *g)
{
  TiChart *chart = TI_CHART (self);
  double x;
  GdkRGBA accent;

  if (self->today < self->first_month || self->today > self->last_month)
    return;
  ti_chart_get_colour (chart, TI_CHART_COLOUR_ACCENT, &accent);
  x = round (x_of (self, g, self->today)) + 0.5;
  cairo_save (cr);
  cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
  ti_chart_stroke_line (cr, x, g->area.origin.y, x, g->area.origin.y + g->area.size.height, 2,
                        &accent);
  cairo_restore (cr);
  /* Translators: the line on a timeline that marks the current month */
  ti_chart_draw_text (chart, cr, C_("timeline", "Today"), x, g->area.origin.y - 2, 0.5, 1,
                      &accent, TRUE);
}

typedef struct
{
  guint category;
  double x;
} Placed;

static int
compare_placed (gconstpointer a, gconstpointer b)
{
  double xa = ((const Placed *) a)->x, xb = ((const Placed *) b)->x;

  return (xa > xb) - (xa < xb);
}

/* The milestones of one lane, left to right; each name goes under its marker on the first of
 * two lines where it does not run into another, or is left to the tooltip and the table. */
static void
draw_lane_milestones (TiTimelineStrip *self, cairo_t *cr, const Geometry *g, guint lane)
{
  TiChart *chart = TI_CHART (self);
  TiSeries *data = ti_chart_get_series (chart);
  double line = ti_chart_line_height (chart);
  double y = marker_y (g, lane);
  double ends[2] = { -INFINITY, -INFINITY };
  g_autoptr (GArray) placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  GdkRGBA foreground, dim;

  ti_chart_get_colour (chart, TI_CHART_COLOUR_FOREGROUND, &foreground);
  ti_chart_get_colour (chart, TI_CHART_COLOUR_DIM, &dim);
  for (guint c = 0; c < self->n_categories; c++)
    {
      double due = ti_series_get_value (data, 0, c);
      Placed p = { c, 0 };

      if (self->lane_of[c] != lane || isnan (due))
        continue;
      p.x = x_of (self, g, floor (due));
      g_array_append_val (placed, p);
    }
  g_array_sort (placed, compare_placed);

  for (guint i = 0; i < placed->len; i++)
    {
      Placed *p = &g_array_index (placed, Placed, i);
      const char *name = ti_series_get_category_label (data, p->category);
      gboolean highlighted = ti_chart_is_highlighted (chart, p->category, 0);
      double width, left;
      TiChartMarker marker;
      GdkRGBA colour;
      int text_width;

      state_look (ti_series_get_category_state (data, p->category), &colour, &marker);
      if (highlighted)
        ti_chart_draw_marker (cr, marker, p->x, y, MARKER + 6, &foreground, FALSE);
      ti_chart_draw_marker (cr, marker, p->x, y, MARKER, &colour, FALSE);

      ti_chart_measure_text (chart, name, &text_width, NULL);
      width = MIN (text_width, LABEL_MAX);
      left = CLAMP (p->x - width / 2, g->area.origin.x,
                    g->area.origin.x + g->area.size.width - width);
      for (guint row = 0; row < 2; row++)
        if (left >= ends[row] + TI_CHART_GAP
            && y + MARKER / 2 + 2 + (row + 1) * line <= g->area.origin.y + g->lane * (lane + 1) + 2)
          {
            ti_chart_draw_label (chart, cr, name, left, y + MARKER / 2 + 2 + row * line, 0, 0,
                                 width, highlighted ? &foreground : &dim);
            ends[row] = left + width;
            break;
          }
    }
}

static void
ti_timeline_strip_draw (TiChart *chart, cairo_t *cr, const graphene_rect_t *plot)
{
  TiTimelineStrip *self = TI_TIMELINE_STRIP (chart);
  Geometry g;

  compute_geometry (self, plot, &g);
  draw_lanes (self, cr, &g);
  draw_today (self, cr, &g);
  for (guint lane = 0; lane < self->lanes->len; lane++)
    draw_lane_milestones (self, cr, &g, lane);
}

static void
ti_timeline_strip_update (TiChart *chart, TiSeries *series)
{
  TiTimelineStrip *self = TI_TIMELINE_STRIP (chart);
  int first = G_MAXINT, last = G_MININT;

  g_ptr_array_set_size (self->lanes, 0);
  self->n_categories = series ? ti_series_get_n_categories (series) : 0;
  self->lane_of = g_renew (guint, self->lane_of, MAX (self->n_categories, 1));
  for (guint c = 0; c < self->n_categories; c++)
    {
      const char *group = ti_series_get_category_group (series, c);
      double due = ti_series_get_value (series, 0, c);
      guint lane;

      if (!g_ptr_array_find_with_equal_func (self->lanes, group ? group : "", g_str_equal, &lane))
        {
          lane = self->lanes->len;
          g_ptr_array_add (self->lanes, g_strdup (group ? group : ""));
        }
      self->lane_of[c] = lane;
      if (!isnan (due))
        {
          first = MIN (first, (int) floor (due));
          last = MAX (last, (int) floor (due));
        }
    }
  if (first > last)
    first = last = self->today >= 0 ? self->today : 0;
  if (self->today >= 0)
    {
      first = MIN (first, self->today);
      last = MAX (last, self->today);
    }
  /* A month either side, so no marker sits on the edge. */
  self->first_month = first - 1;
  self->last_month = last + 1;
}

static guint
ti_timeline_strip_get_n_item_series (TiChart *chart)
{
  return 1;
}

static int
compare_states (gconstpointer a, gconstpointer b)
{
  guint sa = *(const guint *) a, sb = *(const guint *) b;

  return (sa > sb) - (sa < sb);
}

static void
ti_timeline_strip_fill_legend (TiChart *chart, GArray *items)
{
  TiTimelineStrip *self = TI_TIMELINE_STRIP (chart);
  TiSeries *series = ti_chart_get_series (chart);
  g_autoptr (GArray) states = g_array_new (FALSE, FALSE, sizeof (guint));

  /* Each status shown, in the statuses' order. */
  for (guint c = 0; c < self->n_categories; c++)
    {
      guint state = ti_series_get_category_state (series, c);
      gboolean known = FALSE;

      if (ti_series_get_category_state_label (series, c) == NULL)
        continue;
      for (guint i = 0; i < states->len; i++)
        known |= g_array_index (states, guint, i) == state;
      if (!known)
        g_array_append_val (states, state);
    }
  g_array_sort (states, compare_states);
  for (guint i = 0; i < states->len; i++)
    {
      guint state = g_array_index (states, guint, i);
      TiChartMarker marker;
      GdkRGBA colour;

      for (guint c = 0; c < self->n_categories; c++)
        if (ti_series_get_category_state (series, c) == state
            && ti_series_get_category_state_label (series, c) != NULL)
          {
            state_look (state, &colour, &marker);
            ti_chart_legend_add (items, ti_series_get_category_state_label (series, c), &colour,
                                 marker, FALSE);
            break;
          }
    }
}

static char *
ti_timeline_strip_describe_item (TiChart *chart, guint category, guint series)
{
  TiSeries *data = ti_chart_get_series (chart);
  const char *state = ti_series_get_category_state_label (data, category);
  g_autofree char *due = ti_series_format (data, ti_series_get_value (data, 0, category));

  if (state == NULL)
    return ti_chart_real_describe_item (chart, category, 0);
  /* Translators: a milestone on a timeline: its name, due month and status ("Charter launch:
   * Jan 2023, Done") */
  return g_strdup_printf (C_("milestone", "%s: %s, %s"),
                          ti_series_get_category_label (data, category), due, state);
}

static char *
ti_timeline_strip_describe (TiChart *chart)
{
  TiTimelineStrip *self = TI_TIMELINE_STRIP (chart);
  TiSeries *data = ti_chart_get_series (chart);
  g_autoptr (GString) description = g_string_new (NULL);
  GArray *legend = ti_chart_get_legend (chart);
  int first = -1, last = -1;

  /* Translators: how many milestones a timeline shows */
  g_string_append_printf (description, g_dngettext (GETTEXT_PACKAGE, "%u milestone.",
                                                    "%u milestones.", self->n_categories),
                          self->n_categories);

  /* How many in each status, as the legend names them. */
  for (guint i = 0; i < legend->len; i++)
    {
      const char *name = g_array_index (legend, TiChartLegendItem, i).name;
      guint n = 0;

      for (guint c = 0; c < self->n_categories; c++)
        n += g_strcmp0 (ti_series_get_category_state_label (data, c), name) == 0;
      /* Translators: how many milestones have a status: "Done: 3." */
      g_string_append_printf (description, _(" %s: %u."), name, n);
    }

  for (guint c = 0; c < self->n_categories; c++)
    {
      double due = ti_series_get_value (data, 0, c);

      if (isnan (due))
        continue;
      if (first < 0 || due < ti_series_get_value (data, 0, first))
        first = c;
      if (last < 0 || due > ti_series_get_value (data, 0, last))
        last = c;
    }
  if (first >= 0)
    {
      g_autofree char *a = ti_chart_describe_item (chart, first, 0);
      g_autofree char *b = ti_chart_describe_item (chart, last, 0);

      /* Translators: the first and last milestones of a timeline, as their tooltips say them */
      g_string_append_printf (description, _(" First: %s. Last: %s."), a, b);
    }
  return g_string_free (g_steal_pointer (&description), FALSE);
}

static void
ti_timeline_strip_get_headings (TiChart *chart, const char **category, const char **group)
{
  /* Translators: the heading of the first column of a timeline's table */
  *category = _("Milestone");
  /* Translators: the heading of the column of a timeline's table that names the milestones'
   * workstreams */
  *group = _("Workstream");
}

static int
ti_timeline_strip_natural_plot_height (TiChart *chart, int width)
{
  TiTimelineStrip *self = TI_TIMELINE_STRIP (chart);
  double line = ti_chart_line_height (chart);

  return (int) ceil (self->lanes->len * MAX (LANE_MIN, MARKER * 1.5 + 2 * line + 6)
                     + 3 * line + TI_CHART_GAP);
}

static void
ti_timeline_strip_finalize (GObject *object)
{
  TiTimelineStrip *self = TI_TIMELINE_STRIP (object);

  g_ptr_array_unref (self->lanes);
  g_free (self->lane_of);
  G_OBJECT_CLASS (ti_timeline_strip_parent_class)->finalize (object);
}

static void
ti_timeline_strip_class_init (TiTimelineStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TiChartClass *chart_class = TI_CHART_CLASS (klass);

  object_class->finalize = ti_timeline_strip_finalize;

  chart_class->update = ti_timeline_strip_update;
  chart_class->draw = ti_timeline_strip_draw;
  chart_class->item_at = ti_timeline_strip_item_at;
  chart_class->describe = ti_timeline_strip_describe;
  chart_class->describe_item = ti_timeline_strip_describe_item;
  chart_class->fill_legend = ti_timeline_strip_fill_legend;
  chart_class->get_n_item_series = ti_timeline_strip_get_n_item_series;
  chart_class->get_headings = ti_timeline_strip_get_headings;
  chart_class->natural_plot_height = ti_timeline_strip_natural_plot_height;
}

static void
ti_timeline_strip_init (TiTimelineStrip *self)
{
  self->today = -1;
  self->lanes = g_ptr_array_new_with_free_func (g_free);
  ti_chart_set_rows (TI_CHART (self), TRUE);
}

/**
 * ti_timeline_strip_new:
 * @title: (nullable): what the timeline shows, in a few words
 *
 * Returns: (transfer floating): a timeline with no milestones yet
 */
TiChart *
ti_timeline_strip_new (const char *title)
{
  return g_object_new (TI_TYPE_TIMELINE_STRIP, "title", title, NULL);
}

/**
 * ti_timeline_strip_set_today:
 * @self: a timeline
 * @year: this year
 * @month: this month, 1 to 12
 *
 * Marks the current month with a line, and keeps it on the axis.
 */
void
ti_timeline_strip_set_today (TiTimelineStrip *self, int year, int month)
{
  int today;

  g_return_if_fail (TI_IS_TIMELINE_STRIP (self));
  g_return_if_fail (month >= 1 && month <= 12);

  today = year * 12 + month - 1;
  if (self->today == today)
    return;
  self->today = today;
  ti_chart_update (TI_CHART (self));
}

/**
 * ti_timeline_strip_clear_today:
 * @self: a timeline
 *
 * Takes the line marking the current month away.
 */
void
ti_timeline_strip_clear_today (TiTimelineStrip *self)
{
  g_return_if_fail (TI_IS_TIMELINE_STRIP (self));

  if (self->today < 0)
    return;
  self->today = -1;
  ti_chart_update (TI_CHART (self));
}
