/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TiMilestoneStatus:
 * @TI_MILESTONE_DONE: done on or before its due date
 * @TI_MILESTONE_DONE_LATE: done, but after its due date
 * @TI_MILESTONE_ON_TRACK: not done, and more than 30 days before its due date
 * @TI_MILESTONE_AT_RISK: not done, and its due date is today or within the next 30 days
 * @TI_MILESTONE_LATE: not done, and its due date has passed
 *
 * Where a milestone stands, computed from its dates by ti_milestone_status_compute().
 * Stored nowhere: it changes with the day.
 */
typedef enum
{
  TI_MILESTONE_DONE,
  TI_MILESTONE_DONE_LATE,
  TI_MILESTONE_ON_TRACK,
  TI_MILESTONE_AT_RISK,
  TI_MILESTONE_LATE,
  TI_MILESTONE_N_STATUSES
} TiMilestoneStatus;

#define TI_MILESTONE_AT_RISK_DAYS 30

TiMilestoneStatus ti_milestone_status_compute (const char *due_month, const char *done_on,
                                               const GDate *today);
TiMilestoneStatus ti_milestone_status_as_of (const char *due_month, const char *done_on,
                                             const GDate *as_of);
gboolean ti_milestone_due_date (const char *due_month, GDate *due);

const char *ti_milestone_status_key (TiMilestoneStatus status);
const char *ti_milestone_status_label (TiMilestoneStatus status);
gboolean ti_milestone_status_from_key (const char *key, TiMilestoneStatus *status);
gboolean ti_milestone_status_is_done (TiMilestoneStatus status);

/**
 * TiMonthProblem:
 * @TI_MONTH_OK: a real month
 * @TI_MONTH_MALFORMED: not written in a form ti_milestone_month_parse() reads
 * @TI_MONTH_IMPOSSIBLE: written right, but no such month ("2024-13", a year before 1900)
 */
typedef enum
{
  TI_MONTH_OK,
  TI_MONTH_MALFORMED,
  TI_MONTH_IMPOSSIBLE,
} TiMonthProblem;

TiMonthProblem ti_milestone_month_parse (const char *text, char out[8]);


G_END_DECLS
