/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-demo"

#include "config.h"

#include <math.h>

#include "ti-demo-private.h"

/* ------------------------------------------------------------------------------------- */
/* Tier 2 and 3 sessions: the cascade and the registers                                    */

/* Tier 3 is the same offer whoever hosts it. */
static const char *const tier3_sessions[] = {
  "Trauma-enhanced practice: formulation and reflective supervision",
  "Trauma-enhanced practice: working with complex trauma",
  "Reflective practice group for trauma-enhanced roles", "Stabilisation and safety planning",
  "Vicarious trauma and staff wellbeing", NULL
};

static const char *const session_statuses[] = { "planned", "delivered", "cancelled" };

static const char *const review_statuses[] = { "not_due", "awaiting", "changes_requested",
                                               "approved" };

static const char *const facilitator_kinds[] = { "coordinator", "psychologist", "champion" };

static guint
pick_host (DemoBuilder *b)
{
  guint lo = 0, hi = b->orgs->len - 1;
  double draw = ti_demo_rng_unit (&b->rng) * b->host_weights[b->orgs->len - 1];

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      if (b->host_weights[mid] > draw)
        hi = mid;
      else
        lo = mid + 1;
    }
  return lo;
}

/* A champion trained to cascade Tier 2, preferably from the host, active on @day. */
static int
pick_facilitating_champion (DemoBuilder *b, guint host, int day, int except)
{
  const DemoOrg *org = ORG (b, host);
  guint joined = ti_demo_champions_by (b, day - 14);

  for (guint attempt = 0; attempt < 4 && org->n_champions > 0; attempt++)
    {
      const DemoChampion *c
        = CHAMPION (b, org->first_champion + ti_demo_rng_below (&b->rng, org->n_champions));
      if (c->facilitates && ti_demo_champion_active_on (c, day) && c->since <= day - 14
          && (int) c->person != except)
        return c->person;
    }
  for (guint attempt = 0; attempt < 30 && joined > 0; attempt++)
    {
      const DemoChampion *c = CHAMPION (b, b->by_since[ti_demo_rng_below (&b->rng, joined)]);
      if (c->facilitates && ti_demo_champion_active_on (c, day) && (int) c->person != except)
        return c->person;
    }
  return -1;
}

static void
add_facilitator (DemoSession *s, guint person, guint8 kind)
{
  for (guint i = 0; i < s->n_facilitators; i++)
    if (s->facilitators[i] == person)
      return;
  if (s->n_facilitators < MAX_FACILITATORS)
    {
      s->facilitators[s->n_facilitators] = person;
      s->facilitator_kinds[s->n_facilitators++] = kind;
    }
}

/* Early sessions are the co-ordinator's; champions take over more of them as time goes on. */
static void
plan_facilitators (DemoBuilder *b, DemoSession *s)
{
  DemoRng *rng = &b->rng;
  DemoKind host_kind = ORG (b, s->host)->kind;
  int champion;

  if (s->tier == 3)
    {
      gboolean educational = (host_kind == KIND_SCHOOL || host_kind == KIND_EP_SERVICE
                              || host_kind == KIND_CHILDRENS_SERVICES)
                             && s->day >= b->staff_start[STAFF_EDUCATIONAL_PSYCHOLOGIST];

      add_facilitator (s, educational ? STAFF_EDUCATIONAL_PSYCHOLOGIST
                                      : STAFF_CLINICAL_PSYCHOLOGIST,
                       FACILITATOR_PSYCHOLOGIST);
      if (ti_demo_rng_chance (rng, 0.35)
          && (champion = pick_facilitating_champion (b, s->host, s->day, -1)) >= 0)
        add_facilitator (s, champion, FACILITATOR_CHAMPION);
    }
  else
    {
      /* Champions cascade once trained to facilitate, from September 2023. */
      int trained = ti_demo_day_of (2023, 9, 1);
      double along = (double) (s->day - trained) / (b->today - trained);
      double cascade = s->day < trained ? 0 : CLAMP (0.15 + 0.65 * along, 0.15, 0.8);

      if (ti_demo_rng_chance (rng, cascade)
          && (champion = pick_facilitating_champion (b, s->host, s->day, -1)) >= 0)
        {
          add_facilitator (s, champion, FACILITATOR_CHAMPION);
          if (ti_demo_rng_chance (rng, 0.4)
              && (champion = pick_facilitating_champion (b, s->host, s->day, champion)) >= 0)
            add_facilitator (s, champion, FACILITATOR_CHAMPION);
          if (ti_demo_rng_chance (rng, 0.15))
            add_facilitator (s, STAFF_COORDINATOR, FACILITATOR_COORDINATOR);
        }
      else
        {
          add_facilitator (s, STAFF_COORDINATOR, FACILITATOR_COORDINATOR);
          if (s->day >= b->staff_start[STAFF_CLINICAL_PSYCHOLOGIST]
              && ti_demo_rng_chance (rng, 0.12))
            add_facilitator (s, STAFF_CLINICAL_PSYCHOLOGIST, FACILITATOR_PSYCHOLOGIST);
        }
    }
}

static void
plan_session (DemoBuilder *b, DemoSession *s)
{
  static const int minutes[] = { 9 * 60 + 30, 10 * 60, 13 * 60 + 30, 14 * 60 };
  static const int durations[] = { 120, 150, 180 };
  DemoRng *rng = &b->rng;
  const DemoOrg *org;

  s->host = pick_host (b);
  org = ORG (b, s->host);
  s->tier = (s->day >= b->tier3_from && ti_demo_rng_chance (rng, 0.15)) ? 3 : 2;
  s->title
    = ti_demo_rng_pick (rng, s->tier == 3 ? tier3_sessions : ti_demo_kinds[org->kind].sessions);
  s->online = ti_demo_rng_chance (rng, s->tier == 3 ? 0.1 : 0.25);

  if (s->tier == 3)
    {
      gboolean full_day = ti_demo_rng_chance (rng, 0.5);
      s->minute = full_day ? 9 * 60 + 30 : 13 * 60 + 30;
      s->duration = full_day ? 360 : 180;
      s->capacity = ti_demo_rng_range (rng, 8, 14);
    }
  else if (org->kind == KIND_SCHOOL)
    {
      /* Schools are short of staff time: twilight sessions after school, or an INSET day. */
      gboolean twilight = ti_demo_rng_chance (rng, 0.6);
      s->minute = twilight ? 15 * 60 + 45 : 9 * 60;
      s->duration = twilight ? 90 : 180;
      s->capacity
        = ti_demo_imin (ti_demo_rng_range (rng, 12, 30), ti_demo_imax (8, (int) org->n_people));
    }
  else
    {
      s->minute = minutes[ti_demo_rng_below (rng, G_N_ELEMENTS (minutes))];
      s->duration = durations[ti_demo_rng_below (rng, G_N_ELEMENTS (durations))];
      s->capacity = ti_demo_rng_range (rng, 12, 30);
    }

  if (s->day < b->today)
    s->status = ti_demo_rng_chance (rng, 0.05) ? SESSION_CANCELLED : SESSION_DELIVERED;
  else
    s->status = ti_demo_rng_chance (rng, 0.03) ? SESSION_CANCELLED : SESSION_PLANNED;

  plan_facilitators (b, s);
  ti_demo_plan_review (b, s);
}

static int
compare_ints (gconstpointer a, gconstpointer c)
{
  return *(const int *) a - *(const int *) c;
}

static void
plan_sessions (DemoBuilder *b)
{
  guint n = 1000 * b->scale;
  int first_month = ti_demo_month_of (2023, 6), last_month = ti_demo_month_of (2024, 12);
  guint n_months = last_month - first_month + 1;
  double weights[N_MONTHS];
  g_autofree int *days = g_new (int, n);
  double sum = 0;

  b->host_weights = g_new0 (double, b->orgs->len);
  for (guint i = 0; i < b->orgs->len; i++)
    {
      const DemoOrg *org = ORG (b, i);
      if (ti_demo_is_somerset (org) && org->n_people >= 3)
        sum += sqrt (org->n_people) * (org->kind == KIND_SCHOOL ? 2 : 1);
      b->host_weights[i] = sum;
    }

  for (guint m = 0; m < n_months; m++)
    {
      int calendar_month = (first_month + m) % 12;
      weights[m] = 1 + 0.25 * m;
      if (calendar_month == 7) /* August */
        weights[m] *= 0.4;
      if (calendar_month == 11) /* December */
        weights[m] *= 0.6;
    }
  for (guint i = 0; i < n; i++)
    {
      int month = first_month + ti_demo_rng_weighted (&b->rng, weights, n_months);
      days[i] = ti_demo_imin (ti_demo_weekday_near (b, ti_demo_random_day_in_month (b, month)),
                              ti_demo_day_of (2024, 12, 20));
    }
  qsort (days, n, sizeof (int), compare_ints);

  for (guint i = 0; i < n; i++)
    {
      DemoSession s = { 0 };
      s.day = days[i];
      plan_session (b, &s);
      g_array_append_val (b->sessions, s);
    }
}

gboolean
ti_demo_write_sessions (DemoBuilder *b, GError **error)
{
  static const char *const school_rooms[] = { "Staff room", "Main hall", "Library", NULL };
  static const char *const other_rooms[] = { "Training room", "Conference room",
                                             "Meeting room 2", "Board room", NULL };
  g_autoptr (sqlite3_stmt) session = NULL;
  g_autoptr (sqlite3_stmt) facilitator = NULL;
  char starts_at[20], created_at[32], venue[512];

  if (!ti_demo_step_begin (b, STEP_SESSIONS, error))
    return FALSE;
  plan_sessions (b);

  session = ti_database_prepare (
    b->db,
    "INSERT INTO sessions (id, tier, title, starts_at, duration_minutes, mode, venue,"
    " host_organisation_id, capacity, status, review_status, created_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    error);
  facilitator = ti_database_prepare (
    b->db, "INSERT INTO session_facilitators (session_id, person_id, kind) VALUES (?, ?, ?)",
    error);
  if (session == NULL || facilitator == NULL)
    return FALSE;

  for (guint i = 0; i < b->sessions->len; i++)
    {
      const DemoSession *s = SESSION (b, i);
      const DemoOrg *host = ORG (b, s->host);
      int created = ti_demo_imin (ti_demo_imax (s->day - ti_demo_rng_range (&b->rng, 14, 60),
                                                b->staff_start[STAFF_COORDINATOR]),
                                  b->today);

      g_snprintf (starts_at, sizeof starts_at, "%s %02d:%02d", ti_demo_iso (b, s->day),
                  s->minute / 60, s->minute % 60);
      if (s->online)
        g_strlcpy (venue, "Microsoft Teams", sizeof venue);
      else
        g_snprintf (
          venue, sizeof venue, "%s, %s",
          ti_demo_rng_pick (&b->rng, host->kind == KIND_SCHOOL ? school_rooms : other_rooms),
          host->name);
      ti_demo_format_stamp (b, created_at, sizeof created_at, created,
                            ti_demo_rng_range (&b->rng, 540, 1020));

      sqlite3_bind_int64 (session, 1, i + 1);
      sqlite3_bind_int (session, 2, s->tier);
      ti_demo_bind_text (session, 3, s->title);
      ti_demo_bind_text (session, 4, starts_at);
      sqlite3_bind_int (session, 5, s->duration);
      ti_demo_bind_text (session, 6, s->online ? "online" : "in_person");
      ti_demo_bind_text (session, 7, venue);
      sqlite3_bind_int64 (session, 8, s->host + 1);
      sqlite3_bind_int (session, 9, s->capacity);
      ti_demo_bind_text (session, 10, session_statuses[s->status]);
      ti_demo_bind_text (session, 11, review_statuses[s->review_status]);
      ti_demo_bind_text (session, 12, created_at);
      if (!ti_demo_step_done (b, session, error))
        return FALSE;

      for (guint f = 0; f < s->n_facilitators; f++)
        {
          sqlite3_bind_int64 (facilitator, 1, i + 1);
          sqlite3_bind_int64 (facilitator, 2, s->facilitators[f] + 1);
          ti_demo_bind_text (facilitator, 3, facilitator_kinds[s->facilitator_kinds[f]]);
          if (!ti_demo_step_done (b, facilitator, error))
            return FALSE;
        }
      if (!ti_demo_step_tick (b, i, b->sessions->len, error))
        return FALSE;
    }
  return TRUE;
}

/* Registers: mostly the host's own staff; Tier 3 draws on people who did Tier 2. Confidence
 * mostly rises between the start and the end of a session. */
gboolean
ti_demo_write_attendance (DemoBuilder *b, GError **error)
{
  static const double before_weights[] = { 0.12, 0.33, 0.38, 0.15, 0.02 };
  static const double change_weights[] = { 0.03, 0.17, 0.5, 0.27, 0.03 }; /* -1 to +3 */
  static const double feedback_weights[] = { 0.01, 0.03, 0.14, 0.42, 0.40 };
  DemoRng *rng = &b->rng;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GArray) tier2_pool = g_array_new (FALSE, FALSE, sizeof (guint32));

  if (!ti_demo_step_begin (b, STEP_ATTENDANCE, error))
    return FALSE;
  stmt = ti_database_prepare (b->db,
                              "INSERT INTO attendance (session_id, person_id, attended, completed,"
                              " confidence_before, confidence_after, feedback)"
                              " VALUES (?, ?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < b->sessions->len; i++)
    {
      const DemoSession *s = SESSION (b, i);
      const DemoOrg *host = ORG (b, s->host);
      gboolean delivered = s->status == SESSION_DELIVERED;
      int n;

      if (s->status == SESSION_CANCELLED)
        continue;
      n = delivered
            ? ti_demo_rng_range (rng, MAX (6, s->capacity * 70 / 100), s->capacity)
            : ti_demo_rng_range (rng, MAX (1, s->capacity * 3 / 10), MAX (1, s->capacity * 8 / 10));

      ti_demo_stamp_next (b);
      for (guint f = 0; f < s->n_facilitators; f++)
        ti_demo_stamp_take (b, s->facilitators[f]);

      for (int k = 0; k < n; k++)
        {
          gboolean found = FALSE;
          gboolean attended, completed;
          int before = 0, after = 0, feedback = 0;
          guint p = 0;

          for (guint attempt = 0; attempt < 20 && !found; attempt++)
            {
              if (s->tier == 3 && tier2_pool->len > 0 && ti_demo_rng_chance (rng, 0.6))
                p = g_array_index (tier2_pool, guint32, ti_demo_rng_below (rng, tier2_pool->len));
              else if (host->n_people >= 4 && ti_demo_rng_chance (rng, 0.7))
                p = host->first_person + ti_demo_rng_below (rng, host->n_people);
              else
                p = ti_demo_random_somerset_person (b);
              found = p >= N_STAFF && ti_demo_stamp_take (b, p);
            }
          if (!found)
            continue;

          attended = delivered && ti_demo_rng_chance (rng, 0.9);
          completed = attended && ti_demo_rng_chance (rng, 0.94);
          if (attended && ti_demo_rng_chance (rng, 0.92))
            {
              before = 1 + ti_demo_rng_weighted (rng, before_weights, 5);
              if (completed)
                after = ti_demo_iclamp (
                  before + (int) ti_demo_rng_weighted (rng, change_weights, 5) - 1, 1, 5);
            }
          if (attended && ti_demo_rng_chance (rng, 0.82))
            feedback = 1 + ti_demo_rng_weighted (rng, feedback_weights, 5);

          sqlite3_bind_int64 (stmt, 1, i + 1);
          sqlite3_bind_int64 (stmt, 2, p + 1);
          sqlite3_bind_int (stmt, 3, attended);
          sqlite3_bind_int (stmt, 4, completed);
          ti_demo_bind_positive (stmt, 5, before);
          ti_demo_bind_positive (stmt, 6, after);
          ti_demo_bind_positive (stmt, 7, feedback);
          if (!ti_demo_step_done (b, stmt, error))
            return FALSE;

          if (attended && s->tier == 2)
            {
              guint32 person = p;
              g_array_append_val (tier2_pool, person);
            }
        }
      if (!ti_demo_step_tick (b, i, b->sessions->len, error))
        return FALSE;
    }
  return TRUE;
}
