/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-milestone-status"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "ti-format.h"
#include "ti-milestone-status.h"

/*
 * A milestone's status, in one place: the Programme timeline, the Evaluation overview and
 * the milestone figures all ask ti_milestone_status_compute().
 *
 * A milestone is due "in a month" (the report's timeline says "April / May 2023", so a month
 * is enough, and the later month is the one entered). Its due date is the LAST day of that
 * month: work done at any time in the month is on time. From that date:
 *
 *   done on or before the due date ................................ done
 *   done after the due date ........................................ done late
 *   not done, today after the due date ............................. late
 *   not done, today on the due date or at most 30 days before it ... at risk
 *   not done, today 31 days or more before the due date ............ on track
 *
 * So a milestone due in June 2024 (due 30 June) is on track until 30 May, at risk from
 * 31 May to 30 June, and late from 1 July; done on 30 June it is done, on 1 July done late.
 * "Done late" is a status of its own: the board asks how many milestones were met on time,
 * and a late one stays late in the record after it is done.
 */

static const char *const keys[] = { "done", "done_late", "on_track", "at_risk", "late" };

/**
 * ti_milestone_due_date:
 * @due_month: (nullable): 'YYYY-MM' as stored
 * @due: (out caller-allocates): the last day of that month
 *
 * Returns: %FALSE (and @due cleared) when @due_month is not a stored month
 */
gboolean
ti_milestone_due_date (const char *due_month, GDate *due)
{
  char month[8];

  g_date_clear (due, 1);
  if (due_month == NULL || strlen (due_month) != 7 || due_month[4] != '-'
      || ti_milestone_month_parse (due_month, month) != TI_MONTH_OK)
    return FALSE;
  {
    int y = atoi (month), m = atoi (month + 5);
    g_date_set_dmy (due, g_date_get_days_in_month (m, y), m, y);
  }
  return TRUE;
}

/**
 * ti_milestone_status_compute:
 * @due_month: 'YYYY-MM', as stored
 * @done_on: (nullable): 'YYYY-MM-DD' when done, %NULL when not
 * @today: (nullable): the day to judge on; %NULL for today (local time)
 *
 * The one formula for a milestone's status: see the table at the top of this file. A
 * @done_on that cannot be read counts as not done; a @due_month that cannot be read (the
 * schema does not allow one) as due long ago.
 *
 * Returns: the status
 */
TiMilestoneStatus
ti_milestone_status_compute (const char *due_month, const char *done_on, const GDate *today)
{
  GDate due, done, now;
  int days_left;

  if (today != NULL && g_date_valid (today))
    now = *today;
  else
    ti_date_today (&now);
  if (!ti_milestone_due_date (due_month, &due))
    g_date_set_dmy (&due, 1, 1, 1900);

  if (done_on != NULL && ti_date_parse (done_on, &done))
    return g_date_compare (&done, &due) <= 0 ? TI_MILESTONE_DONE : TI_MILESTONE_DONE_LATE;

  days_left = g_date_days_between (&now, &due);
  if (days_left < 0)
    return TI_MILESTONE_LATE;
  if (days_left <= TI_MILESTONE_AT_RISK_DAYS)
    return TI_MILESTONE_AT_RISK;
  return TI_MILESTONE_ON_TRACK;
}

/**
 * ti_milestone_status_as_of:
 * @due_month: 'YYYY-MM', as stored
 * @done_on: (nullable): 'YYYY-MM-DD' when done, %NULL when not
 * @as_of: the day to judge on
 *
 * The status a milestone had on @as_of, knowing only what was done by then: done after
 * @as_of counts as not done yet. So the figures for a board meeting stay what they were at
 * the meeting.
 *
 * Returns: the status
 */
TiMilestoneStatus
ti_milestone_status_as_of (const char *due_month, const char *done_on, const GDate *as_of)
{
  GDate done;

  if (done_on != NULL && (!ti_date_parse (done_on, &done) || g_date_compare (&done, as_of) > 0))
    done_on = NULL;
  return ti_milestone_status_compute (due_month, done_on, as_of);
}

const char *
ti_milestone_status_key (TiMilestoneStatus status)
{
  g_return_val_if_fail (status < TI_MILESTONE_N_STATUSES, NULL);
  return keys[status];
}

/**
 * ti_milestone_status_label:
 *
 * Returns: (transfer none): the status in words, as the chips and the overview show it
 */
const char *
ti_milestone_status_label (TiMilestoneStatus status)
{
  switch (status)
    {
    case TI_MILESTONE_DONE:
      return _ ("Done");
    case TI_MILESTONE_DONE_LATE:
      return _ ("Done late");
    case TI_MILESTONE_ON_TRACK:
      return _ ("On track");
    case TI_MILESTONE_AT_RISK:
      return _ ("At risk");
    case TI_MILESTONE_LATE:
      return _ ("Late");
    case TI_MILESTONE_N_STATUSES:
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
ti_milestone_status_from_key (const char *key, TiMilestoneStatus *status)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (keys); i++)
    if (g_str_equal (keys[i], key))
      {
        *status = (TiMilestoneStatus)i;
        return TRUE;
      }
  return FALSE;
}

gboolean
ti_milestone_status_is_done (TiMilestoneStatus status)
{
  return status == TI_MILESTONE_DONE || status == TI_MILESTONE_DONE_LATE;
}

/* Months by name: English in full and short ("Sept" too), and the short names as this
 * language writes them (the same words ti_format_month() shows, so what is shown can be
 * typed back). */
static int
month_from_name (const char *name)
{
  static const char *const english[]
    = { "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december" };
  static const char *const shown[] = {
    N_ ("Jan"), N_ ("Feb"), N_ ("Mar"), N_ ("Apr"), N_ ("May"), N_ ("Jun"),
    N_ ("Jul"), N_ ("Aug"), N_ ("Sep"), N_ ("Oct"), N_ ("Nov"), N_ ("Dec"),
  };
  g_autofree char *folded = g_utf8_casefold (name, -1);
  gsize len = strlen (folded);

  for (int i = 0; i < 12; i++)
    {
      g_autofree char *local = g_utf8_casefold (_ (shown[i]), -1);

      if (g_str_equal (folded, english[i]) || g_str_equal (folded, local)
          || (len == 3 && strncmp (folded, english[i], 3) == 0))
        return i + 1;
    }
  if (g_str_equal (folded, "sept"))
    return 9;
  return 0;
}

static gboolean
all_digits (const char *text, gsize min, gsize max)
{
  gsize len = strlen (text);

  if (len < min || len > max)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

/**
 * ti_milestone_month_parse:
 * @text: (nullable): a month as typed: `2024-01`, `01/2024` (or `1/2024`), `Jan 2024` or
 *   `January 2024` (any case; surrounding space allowed)
 * @out: (out caller-allocates): the month as stored, 'YYYY-MM', when %TI_MONTH_OK
 *
 * Returns: what is wrong with @text as a month, if anything
 */
TiMonthProblem
ti_milestone_month_parse (const char *text, char out[8])
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  g_auto (GStrv) words = NULL;
  const char *year = NULL, *month = NULL;
  int y, m;

  out[0] = '\0';
  if (strlen (trimmed) == 7 && trimmed[4] == '-')
    {
      trimmed[4] = '\0';
      year = trimmed;
      month = trimmed + 5;
      if (!all_digits (year, 4, 4) || !all_digits (month, 2, 2))
        return TI_MONTH_MALFORMED;
      m = atoi (month);
    }
  else if (strchr (trimmed, '/') != NULL)
    {
      char *slash = strchr (trimmed, '/');

      *slash = '\0';
      month = trimmed;
      year = slash + 1;
      if (!all_digits (month, 1, 2) || !all_digits (year, 4, 4))
        return TI_MONTH_MALFORMED;
      m = atoi (month);
    }
  else
    {
      words = g_strsplit_set (trimmed, " \t", -1);
      /* "Jan 2024", or with several spaces between. */
      for (guint i = 0; words[i] != NULL; i++)
        if (*words[i] != '\0')
          {
            if (month == NULL)
              month = words[i];
            else if (year == NULL)
              year = words[i];
            else
              return TI_MONTH_MALFORMED;
          }
      if (month == NULL || year == NULL || !all_digits (year, 4, 4))
        return TI_MONTH_MALFORMED;
      m = month_from_name (month);
      if (m == 0)
        return TI_MONTH_MALFORMED;
    }

  y = atoi (year);
  if (y < 1900 || m < 1 || m > 12)
    return TI_MONTH_IMPOSSIBLE;
  g_snprintf (out, 8, "%04d-%02d", y, m);
  return TI_MONTH_OK;
}
