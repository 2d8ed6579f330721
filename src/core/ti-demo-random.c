/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-demo"

#include "config.h"

#include "ti-demo-private.h"

/* ------------------------------------------------------------------------------------- */
/* A small seeded generator (SplitMix64): fast, and the same on every machine.             */

#define DEMO_SEED G_GUINT64_CONSTANT (0x536f6d6572736574) /* "Somerset" */

void
ti_demo_rng_seed (DemoRng *rng, guint64 stream)
{
  rng->state = DEMO_SEED ^ (stream * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));
}

static guint64
rng_next (DemoRng *rng)
{
  guint64 z = (rng->state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

/* A whole number in [0, n). */
guint
ti_demo_rng_below (DemoRng *rng, guint n)
{
  return (guint) (((rng_next (rng) >> 32) * (guint64) n) >> 32);
}

/* A whole number in [lo, hi]. */
int
ti_demo_rng_range (DemoRng *rng, int lo, int hi)
{
  if (hi <= lo)
    return lo;
  return lo + (int) ti_demo_rng_below (rng, (guint) (hi - lo + 1));
}

double
ti_demo_rng_unit (DemoRng *rng)
{
  return (double) (rng_next (rng) >> 11) * (1.0 / 9007199254740992.0);
}

gboolean
ti_demo_rng_chance (DemoRng *rng, double p)
{
  return ti_demo_rng_unit (rng) < p;
}

guint
ti_demo_strv_count (const char *const *strv)
{
  guint n = 0;

  while (strv[n] != NULL)
    n++;
  return n;
}

const char *
ti_demo_rng_pick (DemoRng *rng, const char *const *strv)
{
  return strv[ti_demo_rng_below (rng, ti_demo_strv_count (strv))];
}

guint
ti_demo_rng_weighted (DemoRng *rng, const double *weights, guint n)
{
  double total = 0, draw;

  for (guint i = 0; i < n; i++)
    total += weights[i];
  draw = ti_demo_rng_unit (rng) * total;
  for (guint i = 0; i < n; i++)
    {
      if (draw < weights[i])
        return i;
      draw -= weights[i];
    }
  return n - 1;
}

/* ------------------------------------------------------------------------------------- */
/* The calendar: days are counted from 1 January 2023.                                    */

int
ti_demo_day_of (int year, int month, int day)
{
  GDate date, first;

  g_date_clear (&date, 1);
  g_date_clear (&first, 1);
  g_date_set_dmy (&date, day, month, year);
  g_date_set_dmy (&first, 1, G_DATE_JANUARY, FIRST_YEAR);
  return (int) g_date_get_julian (&date) - (int) g_date_get_julian (&first);
}

int
ti_demo_month_of (int year, int month)
{
  return (year - FIRST_YEAR) * 12 + month - 1;
}

/* Fills the builder's calendar: every day's ISO date and weekday, where months start, and
 * the fixed dates of the programme's story. */
void
ti_demo_calendar_init (DemoBuilder *b)
{
  GDate date;
  int month = 0;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, FIRST_YEAR);
  for (int d = 0; d < N_DAYS; d++)
    {
      if (g_date_get_day (&date) == 1)
        b->month_start[month++] = d;
      g_snprintf (b->iso[d], sizeof b->iso[d], "%04d-%02d-%02d", g_date_get_year (&date),
                  g_date_get_month (&date), g_date_get_day (&date));
      b->weekday[d] = g_date_get_weekday (&date);
      g_date_add_days (&date, 1);
    }
  b->month_start[N_MONTHS] = N_DAYS;

  b->today = ti_demo_day_of (2024, 10, 31);
  b->launch = ti_demo_day_of (2023, 1, 26);
  b->learning_centre = ti_demo_day_of (2023, 9, 1);
  b->tier3_from = ti_demo_day_of (2023, 9, 1);
  for (guint i = 0; i < N_STAFF; i++)
    b->staff_start[i]
      = ti_demo_day_of (ti_demo_programme_staff[i].year, ti_demo_programme_staff[i].month,
                        ti_demo_programme_staff[i].day);
}

/* ------------------------------------------------------------------------------------- */
/* Small helpers for whole numbers and dates.                                              */

/* Unlike MIN and friends, these evaluate a random draw once. */
int
ti_demo_imin (int a, int b)
{
  return a < b ? a : b;
}

int
ti_demo_imax (int a, int b)
{
  return a > b ? a : b;
}

int
ti_demo_iclamp (int x, int low, int high)
{
  return x < low ? low : x > high ? high : x;
}

const char *
ti_demo_iso (DemoBuilder *b, int day)
{
  return b->iso[CLAMP (day, 0, N_DAYS - 1)];
}

/* A created_at / updated_at value: fixed, so that two files are the same. */
void
ti_demo_format_stamp (DemoBuilder *b, char *buf, gsize size, int day, int minute)
{
  g_snprintf (buf, size, "%sT%02d:%02d:00Z", ti_demo_iso (b, day), minute / 60, minute % 60);
}

/* Moves a weekend day to the Friday before or the Monday after. */
int
ti_demo_weekday_near (DemoBuilder *b, int day)
{
  day = CLAMP (day, 0, N_DAYS - 1);
  if (b->weekday[day] == G_DATE_SATURDAY)
    return day - 1;
  if (b->weekday[day] == G_DATE_SUNDAY)
    return MIN (day + 1, N_DAYS - 1);
  return day;
}

int
ti_demo_random_day_in_month (DemoBuilder *b, int month)
{
  int start = b->month_start[month];
  int length = b->month_start[month + 1] - start;

  return start + (int) ti_demo_rng_below (&b->rng, (guint) length);
}

