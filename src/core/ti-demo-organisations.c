/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-demo"

#include "config.h"

#include "ti-demo-private.h"

/* ------------------------------------------------------------------------------------- */
/* Organisations                                                                           */

/* The partners the scrutiny report names (and the primary care networks it means). */
static const struct
{
  const char *name;
  const char *domain;
  DemoKind kind;
  const char *sector; /* NULL: the kind's sector */
  const char *locality;
  int headcount; /* at scale 1 */
  int parent;    /* index into this table, or -1 */
} partners[N_PARTNERS] = {
  [P_TRUST] = { "Somerset NHS Foundation Trust", "somersetft", KIND_TRUST, NULL, "county_wide",
                13500, -1 },
  [P_CAMHS] = { "Somerset CAMHS", "somersetft", KIND_CAMHS, NULL, "county_wide", 380, P_TRUST },
  [P_ICB] = { "NHS Somerset Integrated Care Board", "somerset-icb", KIND_ICB, NULL,
              "county_wide", 420, -1 },
  [P_COUNCIL] = { "Somerset County Council", "somerset-council", KIND_COUNCIL, NULL,
                  "county_wide", 5400, -1 },
  [P_PUBLIC_HEALTH] = { "Somerset County Council – Public Health", "somerset-council",
                        KIND_PUBLIC_HEALTH, NULL, "county_wide", 160, P_COUNCIL },
  [P_ADULT_SOCIAL_CARE] = { "Somerset County Council – Adult Social Care", "somerset-council",
                            KIND_ADULT_SOCIAL_CARE, NULL, "county_wide", 1400, P_COUNCIL },
  [P_CHILDRENS_SERVICES] = { "Somerset County Council – Children's Services", "somerset-council",
                             KIND_CHILDRENS_SERVICES, NULL, "county_wide", 1500, P_COUNCIL },
  [P_EP_SERVICE] = { "Somerset County Council – Educational Psychology Service (EP service)",
                     "somerset-council", KIND_EP_SERVICE, NULL, "county_wide", 70, P_COUNCIL },
  [P_POLICE] = { "Avon and Somerset Police", "avonandsomerset-police", KIND_POLICE, NULL,
                 "county_wide", 6000, -1 },
  [P_OPCC] = { "Avon and Somerset Office of the Police and Crime Commissioner",
               "avonandsomerset-opcc", KIND_OPCC, NULL, "county_wide", 45, -1 },
  [P_SECOND_STEP] = { "Second Step", "secondstep", KIND_VCSE, NULL, "county_wide", 450, -1 },
  [P_SHAL] = { "SHAL Housing", "shal-housing", KIND_HOUSING, NULL, "county_wide", 150, -1 },
  [P_NO_ONE_LEFT_OUT] = { "No One Left Out", "nooneleftout", KIND_VCSE, NULL, "county_wide", 30,
                          -1 },
  [P_BRISTOL] = { "University of Bristol", "bristol-university", KIND_EXTERNAL, "university",
                  "outside_somerset", 8000, -1 },
  [P_GMCA] = { "Greater Manchester Combined Authority", "gmca", KIND_EXTERNAL, "council",
               "outside_somerset", 1200, -1 },
  [P_NHS_SCOTLAND] = { "NHS Scotland", "nhs-scotland", KIND_EXTERNAL, "other",
                       "outside_somerset", 160000, -1 },
  [P_TIS_UK] = { "Trauma Informed Schools UK", "traumainformedschools", KIND_EXTERNAL,
                 "education", "outside_somerset", 25, -1 },
  [P_WAVE] = { "WAVE Trust", "wavetrust", KIND_EXTERNAL, "vcse", "outside_somerset", 15, -1 },
  [P_BANES] = { "Bath and North East Somerset Council", "bathnes", KIND_EXTERNAL, "council",
                "outside_somerset", 3500, -1 },
  [P_PCN_FIRST + 0] = { "Taunton Primary Care Network", "taunton-pcn", KIND_PCN, NULL,
                        "somerset_west_taunton", 70, -1 },
  [P_PCN_FIRST + 1] = { "West Somerset Primary Care Network", "westsomerset-pcn", KIND_PCN, NULL,
                        "somerset_west_taunton", 45, -1 },
  [P_PCN_FIRST + 2] = { "Bridgwater Primary Care Network", "bridgwater-pcn", KIND_PCN, NULL,
                        "sedgemoor", 60, -1 },
  [P_PCN_FIRST + 3] = { "Yeovil Primary Care Network", "yeovil-pcn", KIND_PCN, NULL,
                        "south_somerset", 65, -1 },
  [P_PCN_FIRST + 4] = { "Mendip Primary Care Network", "mendip-pcn", KIND_PCN, NULL, "mendip",
                        55, -1 },
  [P_PCN_FIRST + 5] = { "Chard, Ilminster and Crewkerne Primary Care Network", "cic-pcn",
                        KIND_PCN, NULL, "south_somerset", 40, -1 },
};

static const char *const council_teams[] = {
  "Family Intervention Service", "Early Help", "Youth Justice Service", "Virtual School",
  "Fostering and Adoption", "Homelessness Prevention", "Adult Learning", "Customer Services",
  "Libraries", "Leaving Care Service", "Community Safety", "Domestic Abuse Service", NULL
};

/* Words for the names of the organisations the demo invents. */
static const char *const features[] = {
  "Oaklands", "Hillside", "Riverside", "Castle", "Kingsmead", "Priory", "Orchard", "Meadow",
  "Willow", "Elmwood", "Ashcombe", "Brookside", "Parkfield", "Holway", "Blackbrook",
  "Westover", "Eastover", "Hamdon", "Quantock", "Mendip Vale", "Levels", "Tone Valley",
  "Parrett", "Brue", "Polden", "Blackdown", "Exmoor", "Wessex", "Avalon", "Greenway",
  "Highfield", "Lyngford", "Cheddon", "Ham Hill", "Poldens", "Sedgemoor", NULL
};

gboolean
ti_demo_is_somerset (const DemoOrg *org)
{
  return g_strcmp0 (org->locality, "outside_somerset") != 0;
}

static gboolean
claim_org_name (DemoBuilder *b, const char *name)
{
  char *key = g_utf8_casefold (name, -1);

  if (g_hash_table_contains (b->org_names, key))
    {
      g_free (key);
      return FALSE;
    }
  g_hash_table_add (b->org_names, key);
  return TRUE;
}

static guint
add_org (DemoBuilder *b, const char *name, const char *domain, DemoKind kind, const char *sector,
         const char *locality, int headcount, int parent, int created)
{
  DemoOrg org = { 0 };

  org.name = g_strdup (name);
  if (domain != NULL)
    org.domain = g_strdup_printf ("%s.example", domain);
  else
    {
      g_autofree char *slug = ti_demo_ascii_slug (name, '-');
      org.domain = g_strdup_printf ("%s.example", slug);
    }
  org.kind = kind;
  org.sector = sector ? sector : ti_demo_kinds[kind].sector;
  org.locality = locality;
  org.headcount = headcount;
  org.own_headcount = headcount;
  org.parent = parent;
  org.created = created;
  g_array_append_val (b->orgs, org);
  return b->orgs->len - 1;
}

static const char *const school_types[] = {
  "Primary School", "Infant School", "Junior School", "First School", "Community Primary School",
  /* the secondary schools, from here on */
  "Academy", "Community School", "Middle School", NULL
};
#define FIRST_SECONDARY_TYPE 5

static const char *const dedications[] = {
  "St Mary's", "St John's", "St Andrew's", "St Peter's", "St Michael's", "St Margaret's",
  "Holy Trinity", "All Saints", "Christ Church", "St Benedict's", "St Bartholomew's",
  "St Dunstan's", NULL
};
static const char *const gp_types[] = { "Medical Centre", "Medical Practice", "Health Centre",
                                        "Surgery", NULL };
static const char *const vcse_things[] = {
  "Youth Project", "Family Support Network", "Men's Shed", "Community Food Project",
  "Young Carers Group", "Wellbeing Hub", "Recovery Café", "Mentoring Project", "Advice Centre",
  "Community Trust", "Befriending Scheme", "Sports Foundation", "Arts Collective",
  "Refugee Welcome Group", "Parents' Network", NULL
};

/* Writes a plausible name for a new organisation of @kind near @town; returns its headcount. */
static int
invent_org (DemoBuilder *b, DemoKind kind, guint town, GString *name)
{
  DemoRng *rng = &b->rng;
  const char *place = ti_demo_towns[town].name;

  switch (kind)
    {
    case KIND_SCHOOL:
      {
        guint type = ti_demo_rng_below (rng, ti_demo_strv_count (school_types));
        gboolean secondary = type >= FIRST_SECONDARY_TYPE;

        switch (ti_demo_rng_below (rng, 3))
          {
          case 0:
            g_string_printf (name, "%s %s", place, school_types[type]);
            break;
          case 1:
            g_string_printf (name, "%s Church of England %s, %s",
                             ti_demo_rng_pick (rng, dedications),
                             secondary ? "Academy" : "Primary School", place);
            break;
          default:
            g_string_printf (name, "%s %s, %s", ti_demo_rng_pick (rng, features),
                             school_types[type], place);
            break;
          }
        return secondary ? ti_demo_rng_range (rng, 60, 120) : ti_demo_rng_range (rng, 20, 60);
      }
    case KIND_GP:
      if (ti_demo_rng_chance (rng, 0.5))
        g_string_printf (name, "%s %s", place, ti_demo_rng_pick (rng, gp_types));
      else
        g_string_printf (name, "%s Surgery, %s", ti_demo_rng_pick (rng, features), place);
      return ti_demo_rng_range (rng, 10, 60);
    case KIND_VCSE:
      g_string_printf (name, "%s %s",
                       ti_demo_rng_chance (rng, 0.6) ? place : ti_demo_rng_pick (rng, features),
                       ti_demo_rng_pick (rng, vcse_things));
      return ti_demo_rng_range (rng, 6, 80);
    case KIND_HOUSING:
      switch (ti_demo_rng_below (rng, 3))
        {
        case 0:
          g_string_printf (name, "%s Homes", ti_demo_rng_pick (rng, features));
          break;
        case 1:
          g_string_printf (name, "%s Housing Association", ti_demo_rng_pick (rng, features));
          break;
        default:
          g_string_printf (name, "%s Housing Trust", place);
          break;
        }
      return ti_demo_rng_range (rng, 40, 400);
    case KIND_CARE_PROVIDER:
      switch (ti_demo_rng_below (rng, 3))
        {
        case 0:
          g_string_printf (name, "%s Care Home, %s", ti_demo_rng_pick (rng, features), place);
          break;
        case 1:
          g_string_printf (name, "%s Home Care", place);
          break;
        default:
          g_string_printf (name, "%s House Nursing Home", ti_demo_rng_pick (rng, features));
          break;
        }
      return ti_demo_rng_range (rng, 20, 90);
    default:
      g_assert_not_reached ();
    }
  return 0;
}

static void
plan_organisations (DemoBuilder *b)
{
  static const DemoKind generated_kinds[] = { KIND_SCHOOL, KIND_GP, KIND_VCSE,
                                              KIND_HOUSING, KIND_CARE_PROVIDER,
                                              KIND_COUNCIL_TEAM };
  static const double generated_weights[] = { 46, 20, 13, 5, 9, 7 };
  g_autoptr (GString) name = g_string_new (NULL);
  guint n_generated = 150 * b->scale - N_PARTNERS;
  guint next_team = 0;

  for (guint i = 0; i < N_PARTNERS; i++)
    {
      /* Headcounts grow with the scale, so reach percentages look alike at every scale. */
      int headcount = partners[i].headcount * (partners[i].kind == KIND_EXTERNAL ? 1 : b->scale);

      claim_org_name (b, partners[i].name);
      add_org (b, partners[i].name, partners[i].domain, partners[i].kind, partners[i].sector,
               partners[i].locality, headcount, partners[i].parent,
               ti_demo_day_of (2023, 1, 9) + ti_demo_rng_range (&b->rng, 0, 12));
    }

  for (guint i = 0; i < n_generated; i++)
    {
      DemoKind kind = generated_kinds[ti_demo_rng_weighted (&b->rng, generated_weights,
                                                            G_N_ELEMENTS (generated_weights))];
      int created
        = ti_demo_rng_range (&b->rng, ti_demo_day_of (2023, 1, 20), ti_demo_day_of (2023, 12, 15));
      guint town = 0;
      int headcount = 0;

      if (kind == KIND_COUNCIL_TEAM && council_teams[next_team] == NULL)
        kind = KIND_VCSE;
      if (kind == KIND_COUNCIL_TEAM)
        {
          g_string_printf (name, "%s – %s", partners[P_COUNCIL].name, council_teams[next_team++]);
          claim_org_name (b, name->str);
          add_org (b, name->str, partners[P_COUNCIL].domain, kind, NULL, "county_wide",
                   ti_demo_rng_range (&b->rng, 20, 200) * b->scale, P_COUNCIL, created);
          continue;
        }

      for (guint attempt = 0;; attempt++)
        {
          town = ti_demo_random_town (b);
          headcount = invent_org (b, kind, town, name);
          /* Past a point the names run out: tell branches apart by number. */
          if (attempt >= 20)
            g_string_append_printf (name, " (%u)", attempt - 18);
          if (claim_org_name (b, name->str))
            break;
        }
      add_org (b, name->str, NULL, kind, NULL, ti_demo_towns[town].locality, headcount, -1,
               created);
    }

  /* A parent's own staff are those not counted in its directorates. */
  for (guint i = 0; i < b->orgs->len; i++)
    if (ORG (b, i)->parent >= 0)
      ORG (b, ORG (b, i)->parent)->own_headcount -= ORG (b, i)->headcount;
  for (guint i = 0; i < b->orgs->len; i++)
    ORG (b, i)->own_headcount = MAX (ORG (b, i)->own_headcount, ORG (b, i)->headcount / 5);
}

gboolean
ti_demo_write_organisations (DemoBuilder *b, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  char created_at[32];

  if (!ti_demo_step_begin (b, STEP_ORGANISATIONS, error))
    return FALSE;
  plan_organisations (b);

  stmt = ti_database_prepare (b->db,
                              "INSERT INTO organisations (id, name, sector, locality, headcount,"
                              " parent_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < b->orgs->len; i++)
    {
      const DemoOrg *org = ORG (b, i);

      ti_demo_format_stamp (b, created_at, sizeof created_at, org->created,
                            ti_demo_rng_range (&b->rng, 8 * 60, 17 * 60));
      sqlite3_bind_int64 (stmt, 1, i + 1);
      ti_demo_bind_text (stmt, 2, org->name);
      ti_demo_bind_text (stmt, 3, org->sector);
      ti_demo_bind_text (stmt, 4, org->locality);
      sqlite3_bind_int (stmt, 5, org->headcount);
      ti_demo_bind_positive (stmt, 6, org->parent + 1);
      ti_demo_bind_text (stmt, 7, created_at);
      if (!ti_demo_step_done (b, stmt, error))
        return FALSE;
    }
  return TRUE;
}

