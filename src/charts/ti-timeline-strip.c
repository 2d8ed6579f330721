/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-timeline-strip"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ti-chart-private.h"
#include "ti-milestone-status.h"
#include "ti-timeline-strip-private.h"

/**
 * TiTimelineStrip:
 *
 * Milestones over months: one lane for each group (a workstream), each milestone a marker at
 * its due month (the first series' value, counted as year × 12 + month − 1) with its name
 * beside it. Milestones that would run into each other (due the same month, or whose names
 * would meet) take rows of their own within their lane, which grows to hold them, so every
 * milestone has its own marker, its name and its place to click; a name is cut short only when
 * it is longer than the whole width. A milestone's status (a #TiMilestoneStatus, the
 * category's state) gives its marker both a colour and a shape, and the legend names them. A
 * line can mark today.
 *
 * The keyboard goes through the milestones as they are on screen, lane by lane: Left and Right
 * to the one before and after (in date order within a lane, on into the next lane at its end),
 * Up and Down to the lane above or below, at the milestone nearest in date; Home and End to
 * the first and last.
 */

G_DEFINE_FINAL_TYPE (TiTimelineStrip, ti_timeline_strip, TI_TYPE_CHART)

static void
state_look (TiChart *chart, guint state, GdkRGBA *colour, TiChartMarker *marker)
{
  /* Okabe–Ito colours that read as the statuses mean, and a shape of their own for each, so
   * the colour is never all there is: done in green, done late in orange, on track in sky
   * blue, at risk in yellow, late in vermillion. */
  static const struct
  {
    guint palette;
    TiChartMarker marker;
  } looks[] = {
    [TI_MILESTONE_DONE] = { 2, TI_CHART_MARKER_CIRCLE },        /* bluish green */
    [TI_MILESTONE_DONE_LATE] = { 1, TI_CHART_MARKER_SQUARE },   /* orange */
    [TI_MILESTONE_ON_TRACK] = { 4, TI_CHART_MARKER_DIAMOND },   /* sky blue */
    [TI_MILESTONE_AT_RISK] = { 6, TI_CHART_MARKER_TRIANGLE },   /* yellow */
    [TI_MILESTONE_LATE] = { 5, TI_CHART_MARKER_TRIANGLE_DOWN }, /* vermillion */
  };

  if (state < G_N_ELEMENTS (looks))
    {
      ti_chart_get_palette_colour (chart, looks[state].palette, colour);
      *marker = looks[state].marker;
    }
  else
    {
      ti_chart_get_palette_colour (chart, state, colour);
      *marker = (TiChartMarker) (state % TI_CHART_N_MARKERS);
    }
}

static gboolean
ti_timeline_strip_item_at (TiChart *chart, const graphene_rect_t *plot, double x, double y,
                           guint *category, guint *series)
{
  TiTimelineStrip *self = TI_TIMELINE_STRIP (chart);
  double best = MARKER * 1.5;
  gboolean found = FALSE;
  Geometry g;

  ti_timeline_strip_compute_geometry (self, plot, FALSE, &g);
  for (guint i = 0; i < self->placed->len; i++)
    {
      const Placed *p = &g_array_index (self->placed, Placed, i);
      double mx = ti_timeline_strip_x_of (self, &g, p->month), my = ti_timeline_strip_marker_y (self, &g, p);
      double left = mx - MARKER / 2 - (p->label_left ? TI_CHART_GAP / 2 + p->label_width : 0);
      double right = mx + MARKER / 2 + (p->label_left ? 0 : TI_CHART_GAP / 2 + p->label_width);
      double distance = hypot (x - mx, y - my);

      /* On its marker or its name: that one; otherwise the nearest marker. */
      if (x >= left && x <= right && fabs (y - my) <= g.row / 2)
        distance = 0;
      if (distance < best)
        {
          best = distance;
          *category = p->category;
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
  double bottom = g->area.origin.y + g->area.size.height;

  ti_chart_get_colour (chart, TI_CHART_COLOUR_GRID, &grid);
  ti_chart_get_colour (chart, TI_CHART_COLOUR_DIM, &dim);
  stripe = grid;
  stripe.alpha /= 3;
  for (guint i = 0; i < self->lanes->len; i++)
    {
      double top = ti_timeline_strip_lane_top (self, g, i);
      double height = g->header + LANE_PAD + self->lane_rows[i] * g->row;
      double name_left = g->header > 0 ? g->area.origin.x : g->area.origin.x - TI_CHART_GAP;

      if (i % 2 == 0)
        ti_chart_fill_rectangle (cr, g->area.origin.x, top, g->area.size.width, height, &stripe);
      ti_chart_draw_label (chart, cr, g_ptr_array_index (self->lanes, i),
                           g->header > 0 ? name_left + 4 : name_left,
                           g->header > 0 ? top + 2 : top + g->header + LANE_PAD / 2 + g->row / 2,
                           g->header > 0 ? 0 : 1, g->header > 0 ? 0 : 0.5,
                           g->header > 0 ? g->area.size.width - 8 : g->label_width, &dim);
    }

  /* A line where each year begins, and the axis under the lanes. */
  for (int m = self->first_month; m <= self->last_month; m++)
    if (m % 12 == 0 && m > self->first_month)
      {
        double x = round (ti_timeline_strip_x_of (self, g, m) - g->month / 2) + 0.5;

        ti_chart_stroke_line (cr, x, g->area.origin.y, x, bottom, 1, &grid);
      }
  ti_chart_stroke_line (cr, g->area.origin.x, bottom + 0.5,
                        g->area.origin.x + g->area.size.width, bottom + 0.5, 1, &dim);
  ti_chart_draw_month_axis (chart, cr, ti_timeline_strip_x_of (self, g, self->first_month), g->month,
                            self->first_month, self->last_month - self->first_month + 1,
                            bottom + TI_CHART_GAP);
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
  x = round (ti_timeline_strip_x_of (self, g, self->today)) + 0.5;
  cairo_save (cr);
  cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
  ti_chart_stroke_line (cr, x, g->area.origin.y, x, g->area.origin.y + g->area.size.height, 2,
                        &accent);
  cairo_restore (cr);
  /* Translators: the line on a timeline that marks the current month */
  ti_chart_draw_text (chart, cr, C_("timeline", "Today"), x, g->area.origin.y - 2, 0.5, 1,
                      &accent, TRUE);
}

/* Each milestone's marker, and its name beside it where its row is tall enough. */
static void
draw_milestones (TiTimelineStrip *self, cairo_t *cr, const Geometry *g)
{
  TiChart *chart = TI_CHART (self);
  TiSeries *data = ti_chart_get_series (chart);
  gboolean names = g->row >= ti_chart_line_height (chart);
  GdkRGBA foreground, dim;

  ti_chart_get_colour (chart, TI_CHART_COLOUR_FOREGROUND, &foreground);
  ti_chart_get_colour (chart, TI_CHART_COLOUR_DIM, &dim);
  for (guint i = 0; i < self->placed->len; i++)
    {
      const Placed *p = &g_array_index (self->placed, Placed, i);
      gboolean highlighted = ti_chart_is_highlighted (chart, p->category, 0);
      double x = ti_timeline_strip_x_of (self, g, p->month), y = ti_timeline_strip_marker_y (self, g, p);
      TiChartMarker marker;
      GdkRGBA colour;

      state_look (chart, ti_series_get_category_state (data, p->category), &colour, &marker);
      if (highlighted)
        ti_chart_draw_marker (cr, marker, x, y, MARKER + 6, &foreground, FALSE);
      ti_chart_draw_mark (chart, cr, marker, x, y, MARKER, &colour);
      if (names && p->label_width > 0)
        ti_chart_draw_label (chart, cr, ti_series_get_category_label (data, p->category),
                             p->label_left ? x - MARKER / 2 - TI_CHART_GAP / 2
                                           : x + MARKER / 2 + TI_CHART_GAP / 2,
                             y, p->label_left ? 1 : 0, 0.5, p->label_width,
                             highlighted ? &foreground : &dim);
    }
}

static void
ti_timeline_strip_draw (TiChart *chart, cairo_t *cr, const graphene_rect_t *plot)
{
  TiTimelineStrip *self = TI_TIMELINE_STRIP (chart);
  Geometry g;

  ti_timeline_strip_compute_geometry (self, plot, FALSE, &g);
  draw_lanes (self, cr, &g);
  draw_today (self, cr, &g);
  draw_milestones (self, cr, &g);
}

static int
compare_placed (gconstpointer a, gconstpointer b)
{
  const Placed *pa = a, *pb = b;

  if (pa->lane != pb->lane)
    return pa->lane < pb->lane ? -1 : 1;
  if (pa->month != pb->month)
    return pa->month < pb->month ? -1 : 1;
  return (pa->category > pb->category) - (pa->category < pb->category);
}

static void
ti_timeline_strip_update (TiChart *chart, TiSeries *series)
{
  TiTimelineStrip *self = TI_TIMELINE_STRIP (chart);
  int first = G_MAXINT, last = G_MININT;

  g_ptr_array_set_size (self->lanes, 0);
  g_array_set_size (self->placed, 0);
  self->layout_width = -1;
  self->n_categories = series ? ti_series_get_n_categories (series) : 0;
  self->lane_of = g_renew (guint, self->lane_of, MAX (self->n_categories, 1));
  self->position_of = g_renew (int, self->position_of, MAX (self->n_categories, 1));
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
      self->position_of[c] = -1;
      if (!isnan (due))
        {
          Placed p = { c, lane, (int) floor (due), 0, FALSE, 0 };

          g_array_append_val (self->placed, p);
          first = MIN (first, p.month);
          last = MAX (last, p.month);
        }
    }
  /* On screen and for the keyboard: lane by lane, by date. */
  g_array_sort (self->placed, compare_placed);
  for (guint i = 0; i < self->placed->len; i++)
    self->position_of[g_array_index (self->placed, Placed, i).category] = (int) i;

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
            state_look (chart, state, &colour, &marker);
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
  TiChartFrame frame;
  Geometry g;

  /* Every row at its own height, however many the width needs. */
  ti_chart_compute_frame (chart, width, 10000, &frame);
  ti_timeline_strip_compute_geometry (self, &frame.plot, TRUE, &g);
  return (int) ceil (g.area.origin.y - frame.plot.origin.y + g.area.size.height + TI_CHART_GAP
                     + 2 * line);
}

static void
ti_timeline_strip_finalize (GObject *object)
{
  TiTimelineStrip *self = TI_TIMELINE_STRIP (object);

  g_ptr_array_unref (self->lanes);
  g_array_unref (self->placed);
  g_free (self->lane_of);
  g_free (self->position_of);
  g_free (self->lane_rows);
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
  chart_class->move = ti_timeline_strip_move;
}

static void
ti_timeline_strip_init (TiTimelineStrip *self)
{
  self->today = -1;
  self->lanes = g_ptr_array_new_with_free_func (g_free);
  self->placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  self->layout_width = -1;
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
