/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-demo"

#include "config.h"

#include "ti-demo-private.h"

/* ------------------------------------------------------------------------------------- */
/* People and champions                                                                    */

static const char *const champion_statuses[] = { "active", "paused", "stepped_down" };

/* A district for someone in a county-wide organisation: where its towns' people live. */
static const char *
random_district (DemoBuilder *b)
{
  return ti_demo_towns[ti_demo_random_town (b)].locality;
}

/* Marks a fresh list (a register, an invitation list) so people are not listed twice. */
void
ti_demo_stamp_next (DemoBuilder *b)
{
  b->stamp_value++;
}

gboolean
ti_demo_stamp_take (DemoBuilder *b, guint person)
{
  if (b->stamp[person] == b->stamp_value)
    return FALSE;
  b->stamp[person] = b->stamp_value;
  return TRUE;
}

/* A random person who works in Somerset and is not the programme's own staff. */
guint
ti_demo_random_somerset_person (DemoBuilder *b)
{
  for (;;)
    {
      guint p = N_STAFF + ti_demo_rng_below (&b->rng, b->people->len - N_STAFF);
      if (ti_demo_is_somerset (ORG (b, PERSON (b, p)->org)))
        return p;
    }
}

static void
person_name (DemoBuilder *b, guint p, char *buf, gsize size)
{
  const DemoPerson *person = PERSON (b, p);

  if (p < N_STAFF)
    g_strlcpy (buf, ti_demo_programme_staff[p].name, size);
  else
    g_snprintf (buf, size, "%s %s", ti_demo_first_names[person->first_name],
                ti_demo_last_names[person->last_name]);
}

/* How many people each organisation contributes: about 20,000 per scale in Somerset. */
static void
plan_people_per_org (DemoBuilder *b)
{
  double total_weight = 0, k;

  for (guint i = 0; i < b->orgs->len; i++)
    if (ti_demo_is_somerset (ORG (b, i)))
      total_weight += ORG (b, i)->own_headcount * ti_demo_kinds[ORG (b, i)->kind].uptake;
  k = 20000.0 * b->scale / total_weight;

  for (guint i = 0; i < b->orgs->len; i++)
    {
      DemoOrg *org = ORG (b, i);

      if (!ti_demo_is_somerset (org))
        {
          /* Contacts who helped shape the model, not a workforce the programme reaches. */
          org->n_people = ti_demo_rng_range (&b->rng, 2, 4);
          continue;
        }
      org->n_people = (guint) (org->own_headcount * ti_demo_kinds[org->kind].uptake * k + 0.5);
      org->n_people = MAX (org->n_people, (guint) MIN (2, org->own_headcount));
      org->n_people = MIN (org->n_people, (guint) org->own_headcount);
    }
}

static void
plan_people (DemoBuilder *b)
{
  int first_month = ti_demo_month_of (2023, 1);
  guint n_months = ti_demo_month_of (2024, 10) - first_month + 1;
  double month_weights[N_MONTHS];

  for (guint m = 0; m < n_months; m++)
    month_weights[m] = m < 8 ? 0.35 + 0.05 * m : 1.4 + 0.04 * (m - 8);

  plan_people_per_org (b);

  for (guint i = 0; i < N_STAFF; i++)
    {
      DemoPerson person = { 0 };

      person.org = ti_demo_programme_staff[i].partner;
      person.created = b->staff_start[i];
      person.champion = -1;
      g_array_append_val (b->people, person);
    }

  for (guint o = 0; o < b->orgs->len; o++)
    {
      DemoOrg *org = ORG (b, o);

      org->first_person = b->people->len;
      for (guint i = 0; i < org->n_people; i++)
        {
          DemoPerson person = { 0 };
          guint p = b->people->len;

          person.org = o;
          person.first_name = ti_demo_rng_below (&b->rng, ti_demo_n_first_names);
          person.last_name = ti_demo_rng_below (&b->rng, ti_demo_n_last_names);
          person.champion = -1;
          g_array_append_val (b->people, person);

          if (ti_demo_is_somerset (org))
            ti_demo_plan_tier1 (b, p, org, month_weights, n_months);
          else
            PERSON (b, p)->created
              = ti_demo_rng_range (&b->rng, ti_demo_day_of (2023, 1, 3), b->launch);
        }
    }
  b->stamp = g_new0 (guint32, b->people->len);
}

static int
compare_by_since (gconstpointer a, gconstpointer c, gpointer data)
{
  DemoBuilder *b = data;
  guint i = *(const guint *) a, j = *(const guint *) c;
  int d = CHAMPION (b, i)->since - CHAMPION (b, j)->since;

  return d != 0 ? d : (i > j) - (i < j);
}

/* About 600 champions per scale: most organisations have one, bigger ones have more,
 * and the network grows after each network event. */
static void
plan_champions (DemoBuilder *b)
{
  DemoRng *rng = &b->rng;
  g_autofree guint8 *chosen = g_new0 (guint8, b->people->len);
  guint target = 600 * b->scale;
  guint n = 0;
  int first_month = ti_demo_month_of (2023, 2);
  guint n_months = ti_demo_month_of (2024, 10) - first_month + 1;
  double month_weights[N_MONTHS];

  for (guint m = 0; m < n_months; m++)
    {
      int month = first_month + m;
      month_weights[m] = 1 + 0.12 * m;
      if (month == ti_demo_month_of (2023, 6) || month == ti_demo_month_of (2023, 11))
        month_weights[m] *= 1.8;
      if (month == ti_demo_month_of (2024, 1))
        month_weights[m] *= 1.3;
    }

  for (guint o = 0; o < b->orgs->len; o++)
    {
      const DemoOrg *org = ORG (b, o);
      if (ti_demo_is_somerset (org) && org->n_people >= 3 && ti_demo_rng_chance (rng, 0.85))
        {
          chosen[org->first_person + ti_demo_rng_below (rng, org->n_people)] = 1;
          n++;
        }
    }
  while (n < target)
    {
      guint p = ti_demo_random_somerset_person (b);
      if (!chosen[p])
        {
          chosen[p] = 1;
          n++;
        }
    }

  for (guint p = N_STAFF; p < b->people->len; p++)
    {
      DemoPerson *person = PERSON (b, p);
      DemoOrg *org = ORG (b, person->org);
      DemoChampion c = { 0 };
      double r;

      if (!chosen[p])
        continue;
      c.person = p;
      if (ti_demo_rng_chance (rng, 0.08))
        c.since = b->launch; /* signed up at the launch */
      else
        c.since
          = ti_demo_imin (ti_demo_random_day_in_month (
                            b, first_month + ti_demo_rng_weighted (rng, month_weights, n_months)),
                          b->today);
      c.changed = -1;
      r = ti_demo_rng_unit (rng);
      if (c.since + 90 <= b->today && r < 0.14)
        {
          c.status = r < 0.07 ? CHAMPION_STEPPED_DOWN : CHAMPION_PAUSED;
          c.changed = ti_demo_rng_range (rng, c.since + 60, b->today);
        }
      c.facilitates = ti_demo_rng_chance (rng, 0.25);

      person->champion = b->champions->len;
      person->created = MIN (person->created, c.since);
      if (org->n_champions++ == 0)
        org->first_champion = b->champions->len;
      g_array_append_val (b->champions, c);
    }

  b->by_since = g_new (guint, b->champions->len);
  for (guint i = 0; i < b->champions->len; i++)
    b->by_since[i] = i;
  g_qsort_with_data (b->by_since, b->champions->len, sizeof (guint), compare_by_since, b);
}

/* How many champions had joined by @day. */
guint
ti_demo_champions_by (DemoBuilder *b, int day)
{
  guint lo = 0, hi = b->champions->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      if (CHAMPION (b, b->by_since[mid])->since <= day)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

gboolean
ti_demo_champion_active_on (const DemoChampion *c, int day)
{
  return c->since <= day && (c->status == CHAMPION_ACTIVE || c->changed > day);
}

gboolean
ti_demo_write_people (DemoBuilder *b, GError **error)
{
  static const char *const consent_ways[] = { "Sign-up form", "Email", "At a network event" };
  static const double consent_weights[] = { 0.6, 0.25, 0.15 };
  g_autoptr (sqlite3_stmt) stmt = NULL;
  char name[96], email[256], created_at[32], updated_at[32];

  if (!ti_demo_step_begin (b, STEP_PEOPLE, error))
    return FALSE;
  plan_people (b);
  plan_champions (b);

  stmt = ti_database_prepare (
    b->db,
    "INSERT INTO people (id, name, email, organisation_id, job_title, locality, role,"
    " created_at, updated_at, contact_consent, contact_consent_on, contact_consent_how,"
    " directory_consent, directory_consent_on, directory_consent_how)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    error);
  if (stmt == NULL)
    return FALSE;

  for (guint p = 0; p < b->people->len; p++)
    {
      const DemoPerson *person = PERSON (b, p);
      const DemoOrg *org = ORG (b, person->org);
      const DemoChampion *c = person->champion >= 0 ? CHAMPION (b, person->champion) : NULL;
      const char *locality = org->locality;
      int updated = person->created;
      gboolean contact = FALSE, directory = FALSE;
      int consent_day = -1;
      const char *contact_how = NULL, *directory_how = NULL;

      person_name (b, p, name, sizeof name);
      if (g_str_equal (locality, "county_wide") && p >= N_STAFF)
        locality = random_district (b);

      if (p < N_STAFF)
        {
          g_strlcpy (email, ti_demo_programme_staff[p].email, sizeof email);
          contact = directory = TRUE;
          consent_day = person->created;
          contact_how = directory_how = "Email";
        }
      else
        {
          g_snprintf (email, sizeof email, "%s.%s%u@%s", b->first_ascii[person->first_name],
                      b->last_ascii[person->last_name], p + 1, org->domain);
        }

      if (c != NULL)
        {
          updated = MAX (updated, MAX (c->since, c->changed));
          consent_day = c->since;
          if ((contact = ti_demo_rng_chance (&b->rng, 0.92)))
            contact_how = consent_ways[ti_demo_rng_weighted (&b->rng, consent_weights, 3)];
          if ((directory = ti_demo_rng_chance (&b->rng, 0.72)))
            directory_how = ti_demo_rng_chance (&b->rng, 0.8) ? "Sign-up form" : "Email";
        }

      ti_demo_format_stamp (b, created_at, sizeof created_at, person->created,
                            ti_demo_rng_range (&b->rng, 8 * 60, 18 * 60));
      if (updated == person->created)
        g_strlcpy (updated_at, created_at, sizeof updated_at);
      else
        ti_demo_format_stamp (b, updated_at, sizeof updated_at, updated,
                              ti_demo_rng_range (&b->rng, 8 * 60, 18 * 60));

      sqlite3_bind_int64 (stmt, 1, p + 1);
      ti_demo_bind_text (stmt, 2, name);
      ti_demo_bind_text (stmt, 3, email);
      sqlite3_bind_int64 (stmt, 4, person->org + 1);
      ti_demo_bind_text (stmt, 5,
                         p < N_STAFF ? ti_demo_programme_staff[p].job_title
                                     : ti_demo_rng_pick (&b->rng, ti_demo_kinds[org->kind].titles));
      ti_demo_bind_text (stmt, 6, locality);
      ti_demo_bind_text (stmt, 7, p < N_STAFF ? ti_demo_programme_staff[p].role : "staff");
      ti_demo_bind_text (stmt, 8, created_at);
      ti_demo_bind_text (stmt, 9, updated_at);
      sqlite3_bind_int (stmt, 10, contact);
      ti_demo_bind_day (b, stmt, 11, contact ? consent_day : -1);
      ti_demo_bind_text (stmt, 12, contact_how);
      sqlite3_bind_int (stmt, 13, directory);
      ti_demo_bind_day (b, stmt, 14, directory ? consent_day : -1);
      ti_demo_bind_text (stmt, 15, directory_how);
      if (!ti_demo_step_done (b, stmt, error) || !ti_demo_step_tick (b, p, b->people->len, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
ti_demo_write_champions (DemoBuilder *b, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (!ti_demo_step_begin (b, STEP_CHAMPIONS, error))
    return FALSE;
  stmt = ti_database_prepare (b->db,
                              "INSERT INTO champions (person_id, since, status, status_changed_on)"
                              " VALUES (?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < b->champions->len; i++)
    {
      const DemoChampion *c = CHAMPION (b, i);

      sqlite3_bind_int64 (stmt, 1, c->person + 1);
      ti_demo_bind_day (b, stmt, 2, c->since);
      ti_demo_bind_text (stmt, 3, champion_statuses[c->status]);
      ti_demo_bind_day (b, stmt, 4, c->changed);
      if (!ti_demo_step_done (b, stmt, error)
          || !ti_demo_step_tick (b, i, b->champions->len, error))
        return FALSE;
    }
  return TRUE;
}

