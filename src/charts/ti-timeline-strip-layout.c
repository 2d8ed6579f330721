/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-timeline-strip"

#include "config.h"

#include <math.h>

#include "ti-timeline-strip-private.h"

/*
 * Where a timeline's milestones go: lanes and the rows within them, so no marker and no name
 * runs into another, and the keyboard's way through them as they are on screen.
 */

static double
row_height (TiChart *chart)
{
  return MAX (MARKER + 6, ti_chart_line_height (chart) + 4);
}

static double
x_at (TiTimelineStrip *self, double left, double month_width, double month)
{
  return left + (month - self->first_month + 0.5) * month_width;
}

/* Gives each milestone of a lane a row: the first, from the top, where its marker and name
 * meet nothing already there. */
static void
layout_lanes (TiTimelineStrip *self, double left, double width)
{
  TiChart *chart = TI_CHART (self);
  TiSeries *data = ti_chart_get_series (chart);
  double month = width / MAX (self->last_month - self->first_month + 1, 1);
  double line = ti_chart_line_height (chart);
  g_autoptr (GArray) ends = g_array_new (FALSE, FALSE, sizeof (double));
  guint lane = G_MAXUINT;

  if (self->layout_left == left && self->layout_width == width && self->layout_line == line)
    return;
  self->layout_left = left;
  self->layout_width = width;
  self->layout_line = line;
  self->lane_rows = g_renew (guint, self->lane_rows, MAX (self->lanes->len, 1));
  for (guint l = 0; l < self->lanes->len; l++)
    self->lane_rows[l] = 1;

  for (guint i = 0; i < self->placed->len; i++)
    {
      Placed *p = &g_array_index (self->placed, Placed, i);
      double x = x_at (self, left, month, p->month);
      double room_right = left + width - (x + MARKER / 2 + TI_CHART_GAP / 2);
      double room_left = x - MARKER / 2 - TI_CHART_GAP / 2 - left;
      double start, end;
      int text;
      guint row;

      if (p->lane != lane)
        {
          lane = p->lane;
          g_array_set_size (ends, 0);
        }
      ti_chart_measure_text (chart, ti_series_get_category_label (data, p->category), &text,
                             NULL);
      p->label_width = MIN (text, LABEL_MAX);
      p->label_left = p->label_width > room_right
                      && (p->label_width <= room_left || room_left > room_right);
      p->label_width = MIN (p->label_width, p->label_left ? room_left : room_right);
      if (p->label_width < LABEL_MIN && p->label_width < text)
        p->label_width = 0;
      start = x - MARKER / 2 - (p->label_left ? TI_CHART_GAP / 2 + p->label_width : 0);
      end = x + MARKER / 2 + (p->label_left ? 0 : TI_CHART_GAP / 2 + p->label_width);

      for (row = 0; row < ends->len; row++)
        if (g_array_index (ends, double, row) + TI_CHART_GAP <= start)
          break;
      if (row == ends->len)
        g_array_append_val (ends, end);
      else
        g_array_index (ends, double, row) = end;
      p->row = row;
      self->lane_rows[lane] = MAX (self->lane_rows[lane], ends->len);
    }
  self->total_rows = 0;
  for (guint l = 0; l < self->lanes->len; l++)
    self->total_rows += self->lane_rows[l];
}

/* Shares @plot out; @natural lays rows out at their own height rather than to fill it. */
void
ti_timeline_strip_compute_geometry (TiTimelineStrip *self, const graphene_rect_t *plot, gboolean natural,
                  Geometry *g)
{
  TiChart *chart = TI_CHART (self);
  double line = ti_chart_line_height (chart);
  double left = plot->origin.x, top = plot->origin.y;
  double bottom = plot->origin.y + plot->size.height - TI_CHART_GAP - 2 * line;
  double fixed, width;
  int widest = 0;

  for (guint i = 0; i < self->lanes->len; i++)
    {
      int w;

      ti_chart_measure_text (chart, g_ptr_array_index (self->lanes, i), &w, NULL);
      widest = MAX (widest, w);
    }
  /* Long names of lanes go above them, so milestones keep the width (phones). */
  g->header = widest > plot->size.width * NAMES_ABOVE_SHARE ? line + 2 : 0;
  g->label_width = g->header > 0 ? 0 : widest;
  if (g->label_width > 0)
    left += g->label_width + TI_CHART_GAP;
  if (self->today >= 0)
    top += line + 2;
  width = MAX (plot->origin.x + plot->size.width - left, 1);
  layout_lanes (self, left, width);

  fixed = self->lanes->len * (g->header + LANE_PAD);
  g->row = row_height (chart);
  if (!natural)
    g->row = CLAMP ((bottom - top - fixed) / MAX (self->total_rows, 1), 1, g->row * 1.5);
  g->area = GRAPHENE_RECT_INIT (left, top, width, MAX (fixed + self->total_rows * g->row, 1));
  g->month = width / MAX (self->last_month - self->first_month + 1, 1);
}

double
ti_timeline_strip_x_of (TiTimelineStrip *self, const Geometry *g, double month)
{
  return x_at (self, g->area.origin.x, g->month, month);
}

double
ti_timeline_strip_lane_top (TiTimelineStrip *self, const Geometry *g, guint lane)
{
  double top = g->area.origin.y;

  for (guint l = 0; l < lane; l++)
    top += g->header + LANE_PAD + self->lane_rows[l] * g->row;
  return top;
}

double
ti_timeline_strip_marker_y (TiTimelineStrip *self, const Geometry *g, const Placed *p)
{
  return ti_timeline_strip_lane_top (self, g, p->lane) + g->header + LANE_PAD / 2 + (p->row + 0.5) * g->row;
}

/* The milestone of @lane nearest in date to @month, or -1 when the lane has none. */
static int
nearest_in_lane (TiTimelineStrip *self, guint lane, int month)
{
  int best = -1, distance = G_MAXINT;

  for (guint i = 0; i < self->placed->len; i++)
    {
      const Placed *p = &g_array_index (self->placed, Placed, i);

      if (p->lane == lane && ABS (p->month - month) < distance)
        {
          distance = ABS (p->month - month);
          best = (int) i;
        }
    }
  return best;
}

gboolean
ti_timeline_strip_move (TiChart *chart, TiChartMove move, int *category, int *series)
{
  TiTimelineStrip *self = TI_TIMELINE_STRIP (chart);
  int n = (int) self->placed->len;
  int at = *category >= 0 && (guint) *category < self->n_categories
             ? self->position_of[*category]
             : -1;
  int to = -1;

  if (n == 0)
    return FALSE;
  if (at < 0)
    to = move == TI_CHART_MOVE_PREVIOUS || move == TI_CHART_MOVE_UP
             || move == TI_CHART_MOVE_LAST
           ? n - 1
           : 0;
  else
    switch (move)
      {
      case TI_CHART_MOVE_PREVIOUS:
        to = MAX (at - 1, 0);
        break;
      case TI_CHART_MOVE_NEXT:
        to = MIN (at + 1, n - 1);
        break;
      case TI_CHART_MOVE_FIRST:
        to = 0;
        break;
      case TI_CHART_MOVE_LAST:
        to = n - 1;
        break;
      case TI_CHART_MOVE_UP:
      case TI_CHART_MOVE_DOWN:
      default:
        {
          const Placed *from = &g_array_index (self->placed, Placed, at);
          int step = move == TI_CHART_MOVE_UP ? -1 : 1;

          /* The next lane that has milestones; none: stay. */
          to = at;
          for (int lane = (int) from->lane + step; lane >= 0 && lane < (int) self->lanes->len;
               lane += step)
            {
              int found = nearest_in_lane (self, lane, from->month);

              if (found >= 0)
                {
                  to = found;
                  break;
                }
            }
        }
        break;
      }
  *category = (int) g_array_index (self->placed, Placed, to).category;
  *series = 0;
  return TRUE;
}
