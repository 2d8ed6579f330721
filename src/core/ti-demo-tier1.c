/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-demo"

#include "config.h"

#include "ti-demo-private.h"

/* ------------------------------------------------------------------------------------- */
/* Tier 1 completions                                                                      */

enum
{
  SOURCE_ACES_ONLINE,
  SOURCE_LEARNING_CENTRE
};
static const char *const tier1_sources[] = { "ACEs online learning", "Learning Centre" };

static gboolean
add_completion (DemoBuilder *b, guint person, int day, guint8 source, DemoCompletion *mine,
                guint *n_mine)
{
  DemoCompletion c = { person, (gint16) day, source };

  /* UNIQUE (person_id, source, completed_on) */
  for (guint i = 0; i < *n_mine; i++)
    if (mine[i].day == day && mine[i].source == source)
      return FALSE;
  mine[(*n_mine)++] = c;
  g_array_append_val (b->completions, c);
  return TRUE;
}

/* Tier 1 grows month by month, with a step up when it joins the mandatory training. */
void
ti_demo_plan_tier1 (DemoBuilder *b, guint p, const DemoOrg *org, const double *month_weights,
                    guint n_months)
{
  DemoRng *rng = &b->rng;
  DemoPerson *person = PERSON (b, p);
  gboolean mandatory = ti_demo_kinds[org->kind].mandatory_tier1;
  gboolean health = g_str_equal (org->sector, "nhs_trust") || g_str_equal (org->sector, "icb")
                    || g_str_equal (org->sector, "primary_care");
  DemoCompletion mine[8];
  guint n_mine = 0;
  guint8 source = SOURCE_ACES_ONLINE, last_source;
  int day, last;

  if (!ti_demo_rng_chance (rng, 0.95))
    {
      person->created = ti_demo_rng_range (rng, ti_demo_day_of (2023, 2, 1), b->today);
      return;
    }

  day = ti_demo_imin (
    ti_demo_random_day_in_month (b, ti_demo_rng_weighted (rng, month_weights, n_months)), b->today);
  if (day >= b->learning_centre
      && ti_demo_rng_chance (rng, mandatory ? 0.85 : health ? 0.35 : 0.1))
    source = SOURCE_LEARNING_CENTRE;
  add_completion (b, p, day, source, mine, &n_mine);
  last = day;
  last_source = source;

  /* Once Tier 1 is in the Learning Centre, many who did the ACEs course do it there too
   * (for council staff it is mandatory); mandatory training is refreshed every year. */
  if (source == SOURCE_ACES_ONLINE && day < b->learning_centre
      && ti_demo_rng_chance (rng, mandatory ? 0.85 : health ? 0.45 : 0.15))
    {
      last = ti_demo_rng_range (rng, b->learning_centre, b->today);
      last_source = SOURCE_LEARNING_CENTRE;
      add_completion (b, p, last, last_source, mine, &n_mine);
    }
  if (ti_demo_rng_chance (rng, mandatory ? 0.9 : 0.5))
    {
      int refresher = last + 365 + ti_demo_rng_range (rng, 0, 30);
      if (refresher <= b->today)
        add_completion (b, p, refresher, last_source, mine, &n_mine);
    }

  if (ti_demo_rng_chance (rng, 0.16))
    {
      guint8 other = source == SOURCE_ACES_ONLINE ? SOURCE_LEARNING_CENTRE : SOURCE_ACES_ONLINE;
      int later = day + ti_demo_rng_range (rng, 1, 45);

      if (later <= b->today && (other != SOURCE_LEARNING_CENTRE || later >= b->learning_centre))
        add_completion (b, p, later, other, mine, &n_mine);
    }

  /* Completions arrive with the monthly export, so the record follows the first one. */
  person->created = ti_demo_imin (day + ti_demo_rng_range (rng, 1, 28), b->today);
}

static int
compare_completions (gconstpointer a, gconstpointer c)
{
  const DemoCompletion *x = a, *y = c;

  if (x->day != y->day)
    return x->day - y->day;
  if (x->person != y->person)
    return x->person < y->person ? -1 : 1;
  return x->source - y->source;
}

gboolean
ti_demo_write_tier1 (DemoBuilder *b, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (!ti_demo_step_begin (b, STEP_TIER1, error))
    return FALSE;
  stmt = ti_database_prepare (b->db,
                              "INSERT INTO tier1_completions (id, person_id, completed_on, source)"
                              " VALUES (?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;

  /* In date order, as the monthly imports would have added them. */
  g_array_sort (b->completions, compare_completions);
  for (guint i = 0; i < b->completions->len; i++)
    {
      const DemoCompletion *c = &g_array_index (b->completions, DemoCompletion, i);

      sqlite3_bind_int64 (stmt, 1, i + 1);
      sqlite3_bind_int64 (stmt, 2, c->person + 1);
      ti_demo_bind_day (b, stmt, 3, c->day);
      ti_demo_bind_text (stmt, 4, tier1_sources[c->source]);
      if (!ti_demo_step_done (b, stmt, error)
          || !ti_demo_step_tick (b, i, b->completions->len, error))
        return FALSE;
    }
  return TRUE;
}

