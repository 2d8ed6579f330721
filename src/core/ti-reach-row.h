/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * TiReachRowFields:
 * @key: what the row groups by: the organisation's id, the sector or locality key, or the
 *   month as 'YYYY-MM' (which sorts in time order)
 * @label: what a person reads: the organisation's name, the sector or locality in words,
 *   "Jun 2023"
 * @completions: Tier 1 completion records dated in the period
 * @people: different people with a completion dated in the period
 * @reached: people with a completion on or before the end of the period
 * @headcount: the workforce the row's reach is over; 0 when not known or not relevant
 * @reach: the share of @headcount reached, 0–1, or -1 when there is no headcount
 * @latest: (nullable): ISO date of the latest completion dated in the period
 *
 * What a #TiReachRow shows, as computed by ti_tier1_reach_list(); strings are copied.
 */
typedef struct
{
  const char *key;
  const char *label;
  guint completions;
  guint people;
  guint reached;
  gint64 headcount;
  double reach;
  const char *latest;
} TiReachRowFields;

#define TI_TYPE_REACH_ROW (ti_reach_row_get_type ())
G_DECLARE_FINAL_TYPE (TiReachRow, ti_reach_row, TI, REACH_ROW, GObject)

TiReachRow *ti_reach_row_new (const TiReachRowFields *fields);

const char *ti_reach_row_get_key (TiReachRow *self);
const char *ti_reach_row_get_label (TiReachRow *self);
guint ti_reach_row_get_completions (TiReachRow *self);
guint ti_reach_row_get_people (TiReachRow *self);
guint ti_reach_row_get_reached (TiReachRow *self);
gint64 ti_reach_row_get_headcount (TiReachRow *self);
double ti_reach_row_get_reach (TiReachRow *self);
const char *ti_reach_row_get_latest (TiReachRow *self);

G_END_DECLS
