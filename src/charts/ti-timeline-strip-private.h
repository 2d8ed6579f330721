/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ti-chart-private.h"
#include "ti-timeline-strip.h"

G_BEGIN_DECLS

/* What the files of the timeline share: its milestones in screen order and how they are laid
 * out in lanes and rows. */

#define MARKER 12.0
#define LABEL_MAX 320.0       /* a name is cut short beyond this, whatever the room */
#define LABEL_MIN 24.0        /* less room than this: the name is left to the tooltip */
#define LANE_PAD 8.0          /* a lane's room beyond its rows */
#define NAMES_ABOVE_SHARE 0.2 /* lanes' names longer than this share of the width go above */

typedef struct
{
  guint category;
  guint lane;
  int month;
  guint row;          /* within its lane, from the top */
  gboolean label_left; /* its name to the left of its marker, at the right edge */
  double label_width; /* 0: no room for its name */
} Placed;

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
  GArray *placed;   /* of Placed: the milestones with a due month, lane by lane, by date */
  int *position_of; /* each category's place in placed, or -1 */

  /* Worked out for a width: each milestone's row and name, each lane's rows. */
  double layout_left;
  double layout_width;
  double layout_line;
  guint *lane_rows;
  guint total_rows;
};

typedef struct
{
  graphene_rect_t area; /* where the lanes are */
  double month;         /* a month's width */
  double row;           /* a row's height */
  double header;        /* above each lane, its name when names go above */
  double label_width;   /* the lanes' names at the left, or 0 */
} Geometry;

void ti_timeline_strip_compute_geometry (TiTimelineStrip *self, const graphene_rect_t *plot,
                                         gboolean natural, Geometry *g);
double ti_timeline_strip_x_of (TiTimelineStrip *self, const Geometry *g, double month);
double ti_timeline_strip_lane_top (TiTimelineStrip *self, const Geometry *g, guint lane);
double ti_timeline_strip_marker_y (TiTimelineStrip *self, const Geometry *g, const Placed *p);
gboolean ti_timeline_strip_move (TiChart *chart, TiChartMove move, int *category, int *series);

G_END_DECLS
