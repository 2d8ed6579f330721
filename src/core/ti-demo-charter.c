/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-demo"

#include "config.h"

#include "ti-demo-private.h"

/* ------------------------------------------------------------------------------------- */
/* Charter adoption                                                                        */

typedef struct
{
  const char *stage;
  int consultation; /* days, or -1 */
  int signed_on;
  int review_on;
  const char *role; /* the signatory's role, or NULL for one typical of the kind */
} DemoAdoption;

static const char *const commitment_actions[] = {
  "Add Tier 1 trauma-informed training to staff induction",
  "Identify at least two trauma-informed champions",
  "Review the reception area with people who use the service",
  "Include trauma-informed practice in supervision",
  "Review standard letters and templates for trauma-informed language",
  "Offer reflective practice to front-line staff",
  "Add a trauma-informed question to the staff survey",
  "Co-produce the complaints process with people with lived experience",
  "Release staff to attend Tier 2 training",
  "Report progress on the charter to the board every six months",
  NULL
};

static gboolean
fixed_adoption (DemoBuilder *b, guint org, DemoAdoption *a)
{
  /* The first signatories, as the programme's own story goes. */
  switch (org)
    {
    case P_COUNCIL:
      /* Signed at the launch and already reviewed once: next review in 2025. */
      *a = (DemoAdoption){ "signed", ti_demo_day_of (2023, 1, 3), b->launch,
                           ti_demo_day_of (2025, 1, 27), "Chief Executive" };
      return TRUE;
    case P_ICB:
      *a = (DemoAdoption){ "review_due", ti_demo_day_of (2023, 1, 3), b->launch,
                           ti_demo_day_of (2024, 1, 26), "Chief Executive" };
      return TRUE;
    case P_TRUST:
      *a = (DemoAdoption){ "review_due", ti_demo_day_of (2023, 1, 16), ti_demo_day_of (2023, 3, 15),
                           ti_demo_day_of (2024, 3, 15), "Chief Executive" };
      return TRUE;
    case P_POLICE:
      *a = (DemoAdoption){ "review_due", ti_demo_day_of (2023, 3, 1), ti_demo_day_of (2023, 6, 22),
                           ti_demo_day_of (2024, 6, 22), "Chief Constable" };
      return TRUE;
    case P_OPCC:
      *a = (DemoAdoption){ "review_due", ti_demo_day_of (2023, 3, 1), ti_demo_day_of (2023, 6, 22),
                           ti_demo_day_of (2024, 6, 22), "Police and Crime Commissioner" };
      return TRUE;
    case P_SECOND_STEP:
      *a = (DemoAdoption){ "signed", ti_demo_day_of (2023, 7, 10), ti_demo_day_of (2023, 11, 16),
                           ti_demo_day_of (2024, 11, 16), "Chief Executive Officer" };
      return TRUE;
    case P_NO_ONE_LEFT_OUT:
      *a = (DemoAdoption){ "signed", ti_demo_day_of (2023, 12, 1), ti_demo_day_of (2024, 3, 14),
                           ti_demo_day_of (2025, 3, 14), "Director" };
      return TRUE;
    case P_SHAL:
      *a = (DemoAdoption){ "consultation", ti_demo_day_of (2024, 2, 1), -1, -1, NULL };
      return TRUE;
    case P_CAMHS:
      *a = (DemoAdoption){ "not_started", -1, -1, -1, NULL };
      return TRUE;
    default:
      return FALSE;
    }
}

/* Returns FALSE for an organisation with no adoption record at all. */
static gboolean
plan_adoption (DemoBuilder *b, guint o, DemoAdoption *a)
{
  const DemoOrg *org = ORG (b, o);
  DemoRng *rng = &b->rng;
  double r;

  if (fixed_adoption (b, o, a))
    return TRUE;
  /* Directorates are covered by the council's signature; outside partners do not sign. */
  if (!ti_demo_is_somerset (org) || org->parent >= 0 || !ti_demo_rng_chance (rng, 0.7))
    return FALSE;

  *a = (DemoAdoption){ "not_started", -1, -1, -1, NULL };
  r = ti_demo_rng_unit (rng);
  if (r < 0.35)
    {
      a->signed_on
        = ti_demo_weekday_near (b, ti_demo_rng_range (rng, b->launch + 30, b->today - 5));
      a->consultation = ti_demo_imax (0, a->signed_on - ti_demo_rng_range (rng, 30, 120));
      a->review_on = a->signed_on + 365;
      a->stage = a->review_on <= b->today ? "review_due" : "signed";
    }
  else if (r < 0.65)
    {
      a->stage = "consultation";
      a->consultation = ti_demo_weekday_near (b, ti_demo_rng_range (rng, b->launch, b->today - 10));
    }
  return TRUE;
}

gboolean
ti_demo_write_charter (DemoBuilder *b, GError **error)
{
  g_autoptr (sqlite3_stmt) adoption = NULL;
  g_autoptr (sqlite3_stmt) commitment = NULL;
  gint64 commitment_id = 0;
  char signatory[96];

  if (!ti_demo_step_begin (b, STEP_CHARTER, error))
    return FALSE;
  adoption = ti_database_prepare (
    b->db,
    "INSERT INTO charter_adoptions (organisation_id, stage, consultation_started_on, signed_on,"
    " signatory_name, signatory_role, review_on) VALUES (?, ?, ?, ?, ?, ?, ?)",
    error);
  commitment = ti_database_prepare (b->db,
                                    "INSERT INTO charter_commitments (id, organisation_id, action,"
                                    " due_on, done_on) VALUES (?, ?, ?, ?, ?)",
                                    error);
  if (adoption == NULL || commitment == NULL)
    return FALSE;

  for (guint o = 0; o < b->orgs->len; o++)
    {
      const DemoOrg *org = ORG (b, o);
      DemoAdoption a;
      guint used = 0, n_actions = ti_demo_strv_count (commitment_actions);

      if (!plan_adoption (b, o, &a))
        continue;
      if (a.signed_on >= 0)
        ti_demo_random_name (b, signatory, sizeof signatory);

      sqlite3_bind_int64 (adoption, 1, o + 1);
      ti_demo_bind_text (adoption, 2, a.stage);
      ti_demo_bind_day (b, adoption, 3, a.consultation);
      ti_demo_bind_day (b, adoption, 4, a.signed_on);
      ti_demo_bind_text (adoption, 5, a.signed_on >= 0 ? signatory : NULL);
      ti_demo_bind_text (adoption, 6,
                         a.signed_on < 0 ? NULL
                         : a.role
                           ? a.role
                           : ti_demo_rng_pick (&b->rng, ti_demo_kinds[org->kind].signatories));
      ti_demo_bind_day (b, adoption, 7, a.review_on);
      if (!ti_demo_step_done (b, adoption, error))
        return FALSE;

      if (a.signed_on < 0)
        continue;
      for (int n = ti_demo_rng_range (&b->rng, 2, 4); n > 0; n--)
        {
          guint action = ti_demo_rng_below (&b->rng, n_actions);
          int due = ti_demo_imin (a.signed_on + ti_demo_rng_range (&b->rng, 60, 400), N_DAYS - 1);
          int done = -1;

          if (used & (1u << action))
            continue;
          used |= 1u << action;
          if (due <= b->today && ti_demo_rng_chance (&b->rng, 0.65))
            done = ti_demo_iclamp (due + ti_demo_rng_range (&b->rng, -45, 30), a.signed_on + 7,
                                   b->today);
          else if (due > b->today && a.signed_on + 7 <= b->today
                   && ti_demo_rng_chance (&b->rng, 0.15))
            done = ti_demo_rng_range (&b->rng, a.signed_on + 7, b->today);

          sqlite3_bind_int64 (commitment, 1, ++commitment_id);
          sqlite3_bind_int64 (commitment, 2, o + 1);
          ti_demo_bind_text (commitment, 3, commitment_actions[action]);
          ti_demo_bind_day (b, commitment, 4, due);
          ti_demo_bind_day (b, commitment, 5, done);
          if (!ti_demo_step_done (b, commitment, error))
            return FALSE;
        }
    }
  return TRUE;
}

