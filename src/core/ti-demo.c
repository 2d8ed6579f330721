/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-demo"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "ti-database.h"
#include "ti-demo.h"

/*
 * The demo programme: a realistic Trauma Informed Somerset, from the January 2023 launch
 * to a fixed "today" of 31 October 2024, with the partners the scrutiny report names and
 * fictional people. It is deterministic: the same scale always writes the same content,
 * so it draws from its own seeded generator (never g_random) and never reads the clock.
 *
 * The file is written whole or not at all: the programme is generated into a private
 * folder beside the target and linked into place only when complete.
 */

/* ------------------------------------------------------------------------------------- */
/* A small seeded generator (SplitMix64): fast, and the same on every machine.             */

#define DEMO_SEED G_GUINT64_CONSTANT (0x536f6d6572736574) /* "Somerset" */

typedef struct
{
  guint64 state;
} DemoRng;

static void
rng_seed (DemoRng *rng, guint64 stream)
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
static guint
rng_below (DemoRng *rng, guint n)
{
  return (guint) (((rng_next (rng) >> 32) * (guint64) n) >> 32);
}

/* A whole number in [lo, hi]. */
static int
rng_range (DemoRng *rng, int lo, int hi)
{
  if (hi <= lo)
    return lo;
  return lo + (int) rng_below (rng, (guint) (hi - lo + 1));
}

static double
rng_unit (DemoRng *rng)
{
  return (double) (rng_next (rng) >> 11) * (1.0 / 9007199254740992.0);
}

static gboolean
rng_chance (DemoRng *rng, double p)
{
  return rng_unit (rng) < p;
}

static guint
strv_count (const char *const *strv)
{
  guint n = 0;

  while (strv[n] != NULL)
    n++;
  return n;
}

static const char *
rng_pick (DemoRng *rng, const char *const *strv)
{
  return strv[rng_below (rng, strv_count (strv))];
}

static guint
rng_weighted (DemoRng *rng, const double *weights, guint n)
{
  double total = 0, draw;

  for (guint i = 0; i < n; i++)
    total += weights[i];
  draw = rng_unit (rng) * total;
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

#define FIRST_YEAR 2023
#define N_MONTHS 36 /* 2023-01 to 2025-12 */
#define N_DAYS 1096 /* 2023-01-01 to 2025-12-31 */

static int
day_of (int year, int month, int day)
{
  GDate date, first;

  g_date_clear (&date, 1);
  g_date_clear (&first, 1);
  g_date_set_dmy (&date, day, month, year);
  g_date_set_dmy (&first, 1, G_DATE_JANUARY, FIRST_YEAR);
  return (int) g_date_get_julian (&date) - (int) g_date_get_julian (&first);
}

static int
month_of (int year, int month)
{
  return (year - FIRST_YEAR) * 12 + month - 1;
}

/* ------------------------------------------------------------------------------------- */
/* Vocabulary of the demo: names and words. Every person is fictional; none of the names  */
/* in the scrutiny report appear here.                                                     */

static const char *const first_names[] = {
  "Amelia", "Oliver", "Isla", "George", "Ava", "Harry", "Mia", "Jack", "Grace", "Noah",
  "Freya", "Leo", "Poppy", "Arthur", "Evie", "Oscar", "Lily", "Theo", "Ruby", "Alfie",
  "Sophie", "Finley", "Daisy", "Henry", "Phoebe", "Thomas", "Florence", "William", "Matilda",
  "James", "Imogen", "Samuel", "Eleanor", "Joseph", "Harriet", "Daniel", "Rosie", "Edward",
  "Alice", "Benjamin", "Lucy", "Charlie", "Holly", "Ethan", "Megan", "Lewis", "Bethany",
  "Ryan", "Jasmine", "Adam", "Niamh", "Callum", "Aoife", "Rhys", "Siân", "Owen", "Zoë",
  "Mohammed", "Aisha", "Yusuf", "Priya", "Arjun", "Amara", "Kofi", "Ngozi", "Tomasz",
  "Wiktoria", "Mateusz", "Ana", "Lukas", "Jessica", "Rebecca", "Laura", "Sarah", "Emma",
  "Helen", "Rachel", "Karen", "Joanne", "Andrew", "Mark", "Paul", "Stephen", "Simon",
  "Gareth", "Nicola", "Fiona", "Gemma", "Natalie", "Kirsty", "Martin", "Julie", "Susan",
  "Pauline", "Graham", "Trevor", "Dawn", "Lorraine", "Colin", "Chloé", "Ifeoma", "Deepa",
  NULL
};

static const char *const last_names[] = {
  "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
  "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson",
  "Clarke", "Patel", "Khan", "Lewis", "James", "Phillips", "Mason", "Mitchell", "Rose",
  "Cox", "Ward", "Turner", "Hill", "Moore", "Cooper", "Morris", "Baker", "Harris", "King",
  "Lee", "Parker", "Bennett", "Cook", "Price", "Bailey", "Hughes", "Collins", "Edwards",
  "Stewart", "Murphy", "Bell", "Kelly", "Chapman", "Fletcher", "Hayward", "Bishop", "Coombes",
  "Pearce", "Hooper", "Vowles", "Gillard", "Tucker", "Stacey", "Sweet", "Venn", "Rowe",
  "Hext", "Dyer", "Hembrow", "Bartlett", "Lock", "Dibble", "Nowak", "Kowalski", "Okafor",
  "Mensah", "Singh", "Begum", "Ahmed", "Chowdhury", "O'Brien", "MacDonald", "Fraser",
  "Campbell", "Reid", "Lloyd", "Pritchard", "Morgan", "Powell", "Fox", "Short", "Ford",
  "Perrett", "Tapp", "Sealy", "Keen", "Nguyen", "Adeyemi", "Ferreira", NULL
};

static const struct
{
  const char *name;
  const char *locality;
  double weight; /* roughly the town's share of the county's people */
} towns[] = {
  { "Taunton", "somerset_west_taunton", 12 }, { "Yeovil", "south_somerset", 10 },
  { "Bridgwater", "sedgemoor", 10 },          { "Frome", "mendip", 6 },
  { "Wells", "mendip", 3 },                   { "Glastonbury", "mendip", 2 },
  { "Minehead", "somerset_west_taunton", 3 }, { "Chard", "south_somerset", 3 },
  { "Street", "mendip", 3 },                  { "Shepton Mallet", "mendip", 3 },
  { "Burnham-on-Sea", "sedgemoor", 4 },       { "Wellington", "somerset_west_taunton", 3 },
  { "Crewkerne", "south_somerset", 2 },       { "Ilminster", "south_somerset", 1 },
  { "Wincanton", "south_somerset", 1 },       { "Highbridge", "sedgemoor", 1 },
  { "Castle Cary", "south_somerset", 1 },     { "Watchet", "somerset_west_taunton", 1 },
  { "Somerton", "south_somerset", 1 },        { "Langport", "south_somerset", 1 },
  { "Cheddar", "sedgemoor", 1 },
};

static const char *const features[] = {
  "Oaklands", "Hillside", "Riverside", "Castle", "Kingsmead", "Priory", "Orchard", "Meadow",
  "Willow", "Elmwood", "Ashcombe", "Brookside", "Parkfield", "Holway", "Blackbrook",
  "Westover", "Eastover", "Hamdon", "Quantock", "Mendip Vale", "Levels", "Tone Valley",
  "Parrett", "Brue", "Polden", "Blackdown", "Exmoor", "Wessex", "Avalon", "Greenway",
  "Highfield", "Lyngford", "Cheddon", "Ham Hill", "Poldens", "Sedgemoor", NULL
};

/* ------------------------------------------------------------------------------------- */
/* Kinds of organisation: sector, how many of their staff appear, and their words.         */

typedef enum
{
  KIND_TRUST,
  KIND_CAMHS,
  KIND_ICB,
  KIND_COUNCIL,
  KIND_PUBLIC_HEALTH,
  KIND_ADULT_SOCIAL_CARE,
  KIND_CHILDRENS_SERVICES,
  KIND_EP_SERVICE,
  KIND_COUNCIL_TEAM,
  KIND_POLICE,
  KIND_OPCC,
  KIND_VCSE,
  KIND_HOUSING,
  KIND_PCN,
  KIND_GP,
  KIND_SCHOOL,
  KIND_CARE_PROVIDER,
  KIND_EXTERNAL,
  N_KINDS
} DemoKind;

static const char *const health_titles[] = {
  "Staff Nurse", "Staff Nurse", "Mental Health Nurse", "Healthcare Assistant",
  "Healthcare Assistant", "Occupational Therapist", "Physiotherapist", "Ward Manager",
  "Community Psychiatric Nurse", "Consultant Psychiatrist", "Clinical Lead",
  "Peer Support Worker", "Midwife", "Health Visitor", "School Nurse",
  "Speech and Language Therapist", "Matron", "Administrator", NULL
};
static const char *const camhs_titles[] = {
  "CAMHS Practitioner", "Child and Adolescent Psychotherapist", "Assistant Psychologist",
  "Mental Health Nurse", "Family Therapist", "Team Leader",
  "Mental Health Practitioner in Schools", "Administrator", NULL
};
static const char *const icb_titles[] = {
  "Commissioning Manager", "Programme Manager", "Quality Lead",
  "Designated Nurse for Safeguarding", "Project Officer", "Senior Analyst",
  "Head of Mental Health Commissioning", NULL
};
static const char *const council_titles[] = {
  "Customer Services Adviser", "Policy Officer", "Team Manager", "Commissioning Officer",
  "Project Manager", "Business Support Officer", "Community Development Worker",
  "HR Business Partner", "Learning and Development Adviser", NULL
};
static const char *const public_health_titles[] = {
  "Public Health Specialist", "Public Health Practitioner", "Health Improvement Officer",
  "Consultant in Public Health", "Public Health Intelligence Analyst", NULL
};
static const char *const adult_care_titles[] = {
  "Social Worker", "Social Worker", "Senior Social Worker", "Occupational Therapist",
  "Care Co-ordinator", "Reablement Support Worker", "Team Manager",
  "Approved Mental Health Professional", NULL
};
static const char *const childrens_titles[] = {
  "Social Worker", "Social Worker", "Senior Practitioner", "Family Support Worker",
  "Early Help Practitioner", "Youth Worker", "Independent Reviewing Officer",
  "Residential Care Worker", "Team Manager", "Personal Adviser (Leaving Care)", NULL
};
static const char *const ep_titles[] = {
  "Educational Psychologist", "Senior Educational Psychologist",
  "Assistant Educational Psychologist", "Trainee Educational Psychologist", NULL
};
static const char *const police_titles[] = {
  "Police Constable", "Police Constable", "Police Sergeant", "Police Community Support Officer",
  "Detective Constable", "Inspector", "Call Handler", "Victim Care Officer",
  "Safeguarding Officer", NULL
};
static const char *const opcc_titles[] = {
  "Commissioning Officer", "Policy Officer", "Victims Services Manager", "Partnerships Manager",
  NULL
};
static const char *const vcse_titles[] = {
  "Support Worker", "Support Worker", "Project Co-ordinator", "Volunteer Co-ordinator",
  "Outreach Worker", "Peer Mentor", "Counsellor", "Service Manager", "Family Worker", NULL
};
static const char *const housing_titles[] = {
  "Housing Officer", "Tenancy Support Officer", "Neighbourhood Officer", "Income Officer",
  "Supported Housing Worker", "Homelessness Prevention Officer", "Customer Services Adviser",
  NULL
};
static const char *const primary_care_titles[] = {
  "GP", "Practice Nurse", "Receptionist", "Receptionist", "Practice Manager",
  "Social Prescribing Link Worker", "Health and Wellbeing Coach", "Care Co-ordinator",
  "Clinical Pharmacist", "Healthcare Assistant", NULL
};
static const char *const school_titles[] = {
  "Teacher", "Teacher", "Teacher", "Teaching Assistant", "Teaching Assistant",
  "Special Educational Needs Co-ordinator", "Designated Safeguarding Lead",
  "Deputy Headteacher", "Headteacher", "Learning Mentor", "Pastoral Lead",
  "Family Support Worker", "Midday Supervisor", "School Business Manager",
  "Emotional Literacy Support Assistant", NULL
};
static const char *const care_titles[] = {
  "Care Worker", "Care Worker", "Senior Care Worker", "Registered Manager",
  "Activities Co-ordinator", "Deputy Manager", NULL
};
static const char *const external_titles[] = {
  "Programme Lead", "Researcher", "Policy Adviser", "Project Manager", "Director", NULL
};

static const char *const health_sessions[] = {
  "Trauma-informed care in health settings", "Routine enquiry about adversity",
  "Trauma-skilled practice for ward and community teams", "Recognising trauma responses in clinical care",
  NULL
};
static const char *const primary_care_sessions[] = {
  "Trauma-informed consultations in primary care", "Trauma-informed reception and first contact",
  "Routine enquiry about adversity", NULL
};
static const char *const council_sessions[] = {
  "Trauma-skilled practice for social care", "Trauma-informed supervision",
  "Relational practice with families", "Trauma-informed letters and assessments", NULL
};
static const char *const police_sessions[] = {
  "Trauma-informed policing", "ACE-aware response in neighbourhood policing",
  "Trauma-informed victim care", NULL
};
static const char *const vcse_sessions[] = {
  "Trauma-skilled practice for community and voluntary groups",
  "Trauma-informed volunteering", "Trauma-skilled practice: the essentials", NULL
};
static const char *const housing_sessions[] = {
  "Trauma-informed housing and tenancy support", "Trauma-informed approaches to homelessness",
  NULL
};
static const char *const school_sessions[] = {
  "Trauma-skilled practice for schools", "Relational approaches in the classroom",
  "Understanding behaviour as communication", "Emotion coaching for school staff",
  "Trauma-informed transitions between schools", NULL
};
static const char *const care_sessions[] = {
  "Trauma-informed care for older people", "Trauma-skilled practice: the essentials", NULL
};
static const char *const tier3_sessions[] = {
  "Trauma-enhanced practice: formulation and reflective supervision",
  "Trauma-enhanced practice: working with complex trauma",
  "Reflective practice group for trauma-enhanced roles", "Stabilisation and safety planning",
  "Vicarious trauma and staff wellbeing", NULL
};

static const char *const nhs_signatories[] = {
  "Chief Executive", "Chief Nursing Officer", "Medical Director", "Director of Mental Health",
  NULL
};
static const char *const council_signatories[] = {
  "Chief Executive", "Director of Public Health", "Director of Children's Services",
  "Director of Adult Social Services", NULL
};
static const char *const police_signatories[] = {
  "Chief Constable", "Assistant Chief Constable", "Police and Crime Commissioner", NULL
};
static const char *const vcse_signatories[] = { "Chief Executive Officer", "Director",
                                                "Chair of Trustees", NULL };
static const char *const housing_signatories[] = { "Chief Executive", "Director of Housing",
                                                   NULL };
static const char *const primary_care_signatories[] = { "Clinical Director", "Practice Manager",
                                                        "Senior Partner", NULL };
static const char *const school_signatories[] = { "Headteacher", "Chair of Governors",
                                                  "Executive Headteacher", NULL };
static const char *const care_signatories[] = { "Registered Manager", "Managing Director",
                                                NULL };

typedef struct
{
  const char *sector;
  double uptake;            /* share of the headcount who appear as people */
  gboolean mandatory_tier1; /* Tier 1 sits in their Learning Centre mandatory training */
  const char *const *titles;
  const char *const *sessions;
  const char *const *signatories;
} DemoKindInfo;

static const DemoKindInfo kinds[N_KINDS] = {
  [KIND_TRUST] = { "nhs_trust", 0.5, FALSE, health_titles, health_sessions, nhs_signatories },
  [KIND_CAMHS] = { "nhs_trust", 0.6, FALSE, camhs_titles, health_sessions, nhs_signatories },
  [KIND_ICB] = { "icb", 0.6, FALSE, icb_titles, health_sessions, nhs_signatories },
  [KIND_COUNCIL] = { "council", 0.62, TRUE, council_titles, council_sessions, council_signatories },
  [KIND_PUBLIC_HEALTH] = { "council", 0.62, TRUE, public_health_titles, council_sessions,
                           council_signatories },
  [KIND_ADULT_SOCIAL_CARE] = { "council", 0.62, TRUE, adult_care_titles, council_sessions,
                               council_signatories },
  [KIND_CHILDRENS_SERVICES] = { "council", 0.62, TRUE, childrens_titles, council_sessions,
                                council_signatories },
  [KIND_EP_SERVICE] = { "council", 0.62, TRUE, ep_titles, school_sessions, council_signatories },
  [KIND_COUNCIL_TEAM] = { "council", 0.62, TRUE, council_titles, council_sessions,
                          council_signatories },
  [KIND_POLICE] = { "police", 0.4, FALSE, police_titles, police_sessions, police_signatories },
  [KIND_OPCC] = { "police", 0.6, FALSE, opcc_titles, police_sessions, police_signatories },
  [KIND_VCSE] = { "vcse", 0.5, FALSE, vcse_titles, vcse_sessions, vcse_signatories },
  [KIND_HOUSING] = { "housing", 0.45, FALSE, housing_titles, housing_sessions,
                     housing_signatories },
  [KIND_PCN] = { "primary_care", 0.5, FALSE, primary_care_titles, primary_care_sessions,
                 primary_care_signatories },
  [KIND_GP] = { "primary_care", 0.45, FALSE, primary_care_titles, primary_care_sessions,
                primary_care_signatories },
  [KIND_SCHOOL] = { "education", 0.6, FALSE, school_titles, school_sessions,
                    school_signatories },
  [KIND_CARE_PROVIDER] = { "other", 0.35, FALSE, care_titles, care_sessions, care_signatories },
  [KIND_EXTERNAL] = { "other", 0, FALSE, external_titles, vcse_sessions, vcse_signatories },
};

/* The partners the scrutiny report names (and the primary care networks it means). */
enum
{
  P_TRUST,
  P_CAMHS,
  P_ICB,
  P_COUNCIL,
  P_PUBLIC_HEALTH,
  P_ADULT_SOCIAL_CARE,
  P_CHILDRENS_SERVICES,
  P_EP_SERVICE,
  P_POLICE,
  P_OPCC,
  P_SECOND_STEP,
  P_SHAL,
  P_NO_ONE_LEFT_OUT,
  P_BRISTOL,
  P_GMCA,
  P_NHS_SCOTLAND,
  P_TIS_UK,
  P_WAVE,
  P_BANES,
  P_PCN_FIRST,
  N_PARTNERS = P_PCN_FIRST + 6
};

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

/* The programme's own staff, fictional, always the first three people. */
enum
{
  STAFF_COORDINATOR,
  STAFF_CLINICAL_PSYCHOLOGIST,
  STAFF_EDUCATIONAL_PSYCHOLOGIST,
  N_STAFF
};

static const struct
{
  const char *name;
  const char *email;
  int partner;
  const char *job_title;
  const char *role;
  int year, month, day; /* started in the programme */
} programme_staff[N_STAFF] = {
  [STAFF_COORDINATOR] = { "Megan Hooper", "megan.hooper@somerset-council.example",
                          P_PUBLIC_HEALTH, "Trauma-Informed Co-ordinator", "coordinator", 2023, 5,
                          15 },
  [STAFF_CLINICAL_PSYCHOLOGIST] = { "Samuel Okafor", "samuel.okafor@somersetft.example", P_TRUST,
                                    "Clinical Psychologist (Trauma-Informed Somerset)",
                                    "psychologist", 2023, 7, 3 },
  [STAFF_EDUCATIONAL_PSYCHOLOGIST] = { "Harriet Venn", "harriet.venn@somerset-council.example",
                                       P_EP_SERVICE, "Senior Educational Psychologist",
                                       "psychologist", 2023, 9, 4 },
};

/* ------------------------------------------------------------------------------------- */
/* The programme as planned in memory before it is written.                               */

typedef struct
{
  char *name;
  char *domain;
  DemoKind kind;
  const char *sector;
  const char *locality;
  int headcount;
  int own_headcount; /* without its child organisations */
  int parent;        /* index, or -1 */
  int created;
  guint first_person;
  guint n_people;
  guint first_champion; /* its champions are contiguous, in person order */
  guint n_champions;
} DemoOrg;

typedef struct
{
  guint32 org;
  guint16 first_name;
  guint16 last_name;
  gint16 created;  /* the day the record was made */
  gint32 champion; /* index into champions, or -1 */
} DemoPerson;

typedef struct
{
  guint32 person;
  gint16 since;
  gint16 changed; /* when status last changed, or -1 */
  guint8 status;
  guint8 facilitates; /* trained to cascade Tier 2 */
} DemoChampion;

enum
{
  CHAMPION_ACTIVE,
  CHAMPION_PAUSED,
  CHAMPION_STEPPED_DOWN
};
static const char *const champion_statuses[] = { "active", "paused", "stepped_down" };

typedef struct
{
  guint32 person;
  gint16 day;
  guint8 source;
} DemoCompletion;

enum
{
  SOURCE_ACES_ONLINE,
  SOURCE_LEARNING_CENTRE
};
static const char *const tier1_sources[] = { "ACEs online learning", "Learning Centre" };

enum
{
  SESSION_PLANNED,
  SESSION_DELIVERED,
  SESSION_CANCELLED
};
static const char *const session_statuses[] = { "planned", "delivered", "cancelled" };

enum
{
  REVIEW_NOT_DUE,
  REVIEW_AWAITING,
  REVIEW_CHANGES_REQUESTED,
  REVIEW_APPROVED
};
static const char *const review_statuses[] = { "not_due", "awaiting", "changes_requested",
                                               "approved" };

enum
{
  FACILITATOR_COORDINATOR,
  FACILITATOR_PSYCHOLOGIST,
  FACILITATOR_CHAMPION
};
static const char *const facilitator_kinds[] = { "coordinator", "psychologist", "champion" };

#define MAX_FACILITATORS 3

typedef struct
{
  int day;
  int minute;
  int duration;
  int capacity;
  guint32 host;
  guint8 tier;
  guint8 status;
  guint8 review_status;
  guint8 online;
  guint8 n_facilitators;
  guint8 facilitator_kinds[MAX_FACILITATORS];
  guint32 facilitators[MAX_FACILITATORS];
  guint32 reviewer;
  int first_review;  /* day, or -1 */
  int second_review; /* day of the approval after changes were asked for, or -1 */
  const char *title;
} DemoSession;

typedef enum
{
  STEP_ORGANISATIONS,
  STEP_PEOPLE,
  STEP_CHAMPIONS,
  STEP_TIER1,
  STEP_SESSIONS,
  STEP_ATTENDANCE,
  STEP_REVIEWS,
  STEP_CHARTER,
  STEP_EVENTS,
  STEP_ENGAGEMENT,
  STEP_MILESTONES,
  STEP_FINISHING,
  N_STEPS
} DemoStep;

static const struct
{
  const char *words;
  double weight; /* share of the time it takes, measured at scale 10 */
} steps[N_STEPS] = {
  [STEP_ORGANISATIONS] = { N_("Organisations"), 0.5 },
  [STEP_PEOPLE] = { N_("People"), 52 },
  [STEP_CHAMPIONS] = { N_("Champions"), 1 },
  [STEP_TIER1] = { N_("Tier 1 completions"), 24 },
  [STEP_SESSIONS] = { N_("Tier 2 and 3 sessions"), 4 },
  [STEP_ATTENDANCE] = { N_("Attendance"), 10 },
  [STEP_REVIEWS] = { N_("Reviews"), 1.5 },
  [STEP_CHARTER] = { N_("Charter adoption"), 0.3 },
  [STEP_EVENTS] = { N_("Network events"), 3 },
  [STEP_ENGAGEMENT] = { N_("Engagement"), 0.2 },
  [STEP_MILESTONES] = { N_("Milestones"), 0.2 },
  [STEP_FINISHING] = { N_("Finishing"), 3.3 },
};

/* The anchor events of the report's timeline, which milestones point at. */
enum
{
  ANCHOR_LAUNCH,
  ANCHOR_JUNE_2023,
  ANCHOR_NOVEMBER_2023,
  ANCHOR_MARCH_2024,
  ANCHOR_CONFERENCE_2024,
  ANCHOR_SEPTEMBER_2024,
  ANCHOR_NOVEMBER_2024,
  N_ANCHORS
};

typedef struct
{
  TiDatabase *db;
  guint scale;
  DemoRng rng;
  GCancellable *cancellable;
  TiProgressFunc progress;
  gpointer progress_data;
  DemoStep step;

  /* the calendar */
  char iso[N_DAYS][11];
  guint8 weekday[N_DAYS]; /* GDateWeekday: 1 Monday to 7 Sunday */
  int month_start[N_MONTHS + 1];
  int today; /* the fixed "today" of the demo: 31 October 2024 */
  int launch;
  int learning_centre; /* Tier 1 joins the Learning Centre mandatory training */
  int tier3_from;
  int staff_start[N_STAFF];

  char *first_ascii[G_N_ELEMENTS (first_names)];
  char *last_ascii[G_N_ELEMENTS (last_names)];

  GArray *orgs;          /* of DemoOrg */
  GHashTable *org_names; /* casefolded names in use */
  GArray *people;        /* of DemoPerson */
  GArray *completions;   /* of DemoCompletion, planned with the people */
  GArray *champions;     /* of DemoChampion, in person order */
  guint *by_since;       /* champion indexes, earliest since first */
  GArray *sessions;      /* of DemoSession, in date order */
  double *host_weights;  /* cumulative, over orgs */
  guint32 *stamp;        /* per person: marks who is already on the current list */
  guint32 stamp_value;

  gint64 item_ids[32];
  guint n_items;
  gint64 workstream_ids[4];
  gint64 anchor_ids[N_ANCHORS];
} DemoBuilder;

static void
org_clear (gpointer data)
{
  DemoOrg *org = data;

  g_free (org->name);
  g_free (org->domain);
}

static char *
ascii_slug (const char *text, char separator)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");
  GString *slug = g_string_new (NULL);

  for (const char *p = ascii; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (separator && slug->len > 0 && slug->str[slug->len - 1] != separator)
        g_string_append_c (slug, separator);
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == separator)
    g_string_truncate (slug, slug->len - 1);
  return g_string_free (slug, FALSE);
}

static DemoBuilder *
builder_new (TiDatabase *db, guint scale, TiProgressFunc progress, gpointer progress_data,
             GCancellable *cancellable)
{
  DemoBuilder *b = g_new0 (DemoBuilder, 1);
  GDate date;
  int month = 0;

  b->db = db;
  b->scale = scale;
  b->progress = progress;
  b->progress_data = progress_data;
  b->cancellable = cancellable;

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

  b->today = day_of (2024, 10, 31);
  b->launch = day_of (2023, 1, 26);
  b->learning_centre = day_of (2023, 9, 1);
  b->tier3_from = day_of (2023, 9, 1);
  for (guint i = 0; i < N_STAFF; i++)
    b->staff_start[i] = day_of (programme_staff[i].year, programme_staff[i].month,
                                programme_staff[i].day);

  for (guint i = 0; first_names[i]; i++)
    b->first_ascii[i] = ascii_slug (first_names[i], 0);
  for (guint i = 0; last_names[i]; i++)
    b->last_ascii[i] = ascii_slug (last_names[i], 0);

  b->orgs = g_array_new (FALSE, TRUE, sizeof (DemoOrg));
  g_array_set_clear_func (b->orgs, org_clear);
  b->org_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  b->people = g_array_new (FALSE, TRUE, sizeof (DemoPerson));
  b->completions = g_array_new (FALSE, TRUE, sizeof (DemoCompletion));
  b->champions = g_array_new (FALSE, TRUE, sizeof (DemoChampion));
  b->sessions = g_array_new (FALSE, TRUE, sizeof (DemoSession));
  return b;
}

static void
builder_free (DemoBuilder *b)
{
  for (guint i = 0; i < G_N_ELEMENTS (b->first_ascii); i++)
    g_free (b->first_ascii[i]);
  for (guint i = 0; i < G_N_ELEMENTS (b->last_ascii); i++)
    g_free (b->last_ascii[i]);
  g_array_unref (b->orgs);
  g_hash_table_unref (b->org_names);
  g_array_unref (b->people);
  g_array_unref (b->completions);
  g_array_unref (b->champions);
  g_array_unref (b->sessions);
  g_free (b->by_since);
  g_free (b->host_weights);
  g_free (b->stamp);
  g_free (b);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DemoBuilder, builder_free)

#define ORG(b, i) (&g_array_index ((b)->orgs, DemoOrg, (i)))
#define PERSON(b, i) (&g_array_index ((b)->people, DemoPerson, (i)))
#define CHAMPION(b, i) (&g_array_index ((b)->champions, DemoChampion, (i)))
#define SESSION(b, i) (&g_array_index ((b)->sessions, DemoSession, (i)))

/* ------------------------------------------------------------------------------------- */
/* Small helpers for dates, binding and progress.                                          */

/* Unlike MIN and friends, these evaluate a random draw once. */
static int
imin (int a, int b)
{
  return a < b ? a : b;
}

static int
imax (int a, int b)
{
  return a > b ? a : b;
}

static int
iclamp (int x, int low, int high)
{
  return x < low ? low : x > high ? high : x;
}

static const char *
iso (DemoBuilder *b, int day)
{
  return b->iso[CLAMP (day, 0, N_DAYS - 1)];
}

/* A created_at / updated_at value: fixed, so that two files are the same. */
static void
format_stamp (DemoBuilder *b, char *buf, gsize size, int day, int minute)
{
  g_snprintf (buf, size, "%sT%02d:%02d:00Z", iso (b, day), minute / 60, minute % 60);
}

/* Moves a weekend day to the Friday before or the Monday after. */
static int
weekday_near (DemoBuilder *b, int day)
{
  day = CLAMP (day, 0, N_DAYS - 1);
  if (b->weekday[day] == G_DATE_SATURDAY)
    return day - 1;
  if (b->weekday[day] == G_DATE_SUNDAY)
    return MIN (day + 1, N_DAYS - 1);
  return day;
}

static int
random_day_in_month (DemoBuilder *b, int month)
{
  int start = b->month_start[month];
  int length = b->month_start[month + 1] - start;

  return start + (int) rng_below (&b->rng, (guint) length);
}

static gboolean
is_somerset (const DemoOrg *org)
{
  return g_strcmp0 (org->locality, "outside_somerset") != 0;
}

static const char *
random_district (DemoBuilder *b)
{
  double weights[G_N_ELEMENTS (towns)];

  for (guint i = 0; i < G_N_ELEMENTS (towns); i++)
    weights[i] = towns[i].weight;
  return towns[rng_weighted (&b->rng, weights, G_N_ELEMENTS (towns))].locality;
}

static guint
random_town (DemoBuilder *b)
{
  double weights[G_N_ELEMENTS (towns)];

  for (guint i = 0; i < G_N_ELEMENTS (towns); i++)
    weights[i] = towns[i].weight;
  return rng_weighted (&b->rng, weights, G_N_ELEMENTS (towns));
}

static void
bind_text (sqlite3_stmt *stmt, int column, const char *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, column);
}

static void
bind_day (DemoBuilder *b, sqlite3_stmt *stmt, int column, int day)
{
  bind_text (stmt, column, day >= 0 ? iso (b, day) : NULL);
}

static void
bind_id (sqlite3_stmt *stmt, int column, gint64 id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, column, id);
  else
    sqlite3_bind_null (stmt, column);
}

static void
report (DemoBuilder *b, double within)
{
  double total = 0, done = 0;

  if (b->progress == NULL)
    return;
  for (guint i = 0; i < N_STEPS; i++)
    {
      total += steps[i].weight;
      if (i < b->step)
        done += steps[i].weight;
    }
  done += steps[b->step].weight * CLAMP (within, 0.0, 1.0);
  b->progress (done / total, _(steps[b->step].words), b->progress_data);
}

static gboolean
step_begin (DemoBuilder *b, DemoStep step, GError **error)
{
  b->step = step;
  /* One stream per step, so that each kind of record does not depend on the others. */
  rng_seed (&b->rng, step + 1);
  report (b, 0);
  return !g_cancellable_set_error_if_cancelled (b->cancellable, error);
}

/* Called inside long loops: reports progress and notices cancellation now and then. */
static gboolean
step_tick (DemoBuilder *b, guint done, guint total, GError **error)
{
  if ((done & 4095) != 0)
    return TRUE;
  report (b, total > 0 ? (double) done / total : 0);
  return !g_cancellable_set_error_if_cancelled (b->cancellable, error);
}

static gboolean
step_done (DemoBuilder *b, sqlite3_stmt *stmt, GError **error)
{
  return ti_database_step_done (b->db, stmt, error);
}

/* Marks a fresh list (a register, an invitation list) so people are not listed twice. */
static void
stamp_next (DemoBuilder *b)
{
  b->stamp_value++;
}

static gboolean
stamp_take (DemoBuilder *b, guint person)
{
  if (b->stamp[person] == b->stamp_value)
    return FALSE;
  b->stamp[person] = b->stamp_value;
  return TRUE;
}

/* A random person who works in Somerset and is not the programme's own staff. */
static guint
random_somerset_person (DemoBuilder *b)
{
  for (;;)
    {
      guint p = N_STAFF + rng_below (&b->rng, b->people->len - N_STAFF);
      if (is_somerset (ORG (b, PERSON (b, p)->org)))
        return p;
    }
}

static void
person_name (DemoBuilder *b, guint p, char *buf, gsize size)
{
  const DemoPerson *person = PERSON (b, p);

  if (p < N_STAFF)
    g_strlcpy (buf, programme_staff[p].name, size);
  else
    g_snprintf (buf, size, "%s %s", first_names[person->first_name],
                last_names[person->last_name]);
}

/* A fictional name for someone who is not a person record (a speaker, a signatory). */
static void
random_name (DemoBuilder *b, char *buf, gsize size)
{
  g_snprintf (buf, size, "%s %s", rng_pick (&b->rng, first_names),
              rng_pick (&b->rng, last_names));
}

/* ------------------------------------------------------------------------------------- */
/* Organisations                                                                           */

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
      g_autofree char *slug = ascii_slug (name, '-');
      org.domain = g_strdup_printf ("%s.example", slug);
    }
  org.kind = kind;
  org.sector = sector ? sector : kinds[kind].sector;
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
  const char *place = towns[town].name;

  switch (kind)
    {
    case KIND_SCHOOL:
      {
        guint type = rng_below (rng, strv_count (school_types));
        gboolean secondary = type >= FIRST_SECONDARY_TYPE;

        switch (rng_below (rng, 3))
          {
          case 0:
            g_string_printf (name, "%s %s", place, school_types[type]);
            break;
          case 1:
            g_string_printf (name, "%s Church of England %s, %s", rng_pick (rng, dedications),
                             secondary ? "Academy" : "Primary School", place);
            break;
          default:
            g_string_printf (name, "%s %s, %s", rng_pick (rng, features), school_types[type],
                             place);
            break;
          }
        return secondary ? rng_range (rng, 60, 120) : rng_range (rng, 20, 60);
      }
    case KIND_GP:
      if (rng_chance (rng, 0.5))
        g_string_printf (name, "%s %s", place, rng_pick (rng, gp_types));
      else
        g_string_printf (name, "%s Surgery, %s", rng_pick (rng, features), place);
      return rng_range (rng, 10, 60);
    case KIND_VCSE:
      g_string_printf (name, "%s %s", rng_chance (rng, 0.6) ? place : rng_pick (rng, features),
                       rng_pick (rng, vcse_things));
      return rng_range (rng, 6, 80);
    case KIND_HOUSING:
      switch (rng_below (rng, 3))
        {
        case 0:
          g_string_printf (name, "%s Homes", rng_pick (rng, features));
          break;
        case 1:
          g_string_printf (name, "%s Housing Association", rng_pick (rng, features));
          break;
        default:
          g_string_printf (name, "%s Housing Trust", place);
          break;
        }
      return rng_range (rng, 40, 400);
    case KIND_CARE_PROVIDER:
      switch (rng_below (rng, 3))
        {
        case 0:
          g_string_printf (name, "%s Care Home, %s", rng_pick (rng, features), place);
          break;
        case 1:
          g_string_printf (name, "%s Home Care", place);
          break;
        default:
          g_string_printf (name, "%s House Nursing Home", rng_pick (rng, features));
          break;
        }
      return rng_range (rng, 20, 90);
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
               day_of (2023, 1, 9) + rng_range (&b->rng, 0, 12));
    }

  for (guint i = 0; i < n_generated; i++)
    {
      DemoKind kind = generated_kinds[rng_weighted (&b->rng, generated_weights,
                                                    G_N_ELEMENTS (generated_weights))];
      int created = rng_range (&b->rng, day_of (2023, 1, 20), day_of (2023, 12, 15));
      guint town = 0;
      int headcount = 0;

      if (kind == KIND_COUNCIL_TEAM && council_teams[next_team] == NULL)
        kind = KIND_VCSE;
      if (kind == KIND_COUNCIL_TEAM)
        {
          g_string_printf (name, "%s – %s", partners[P_COUNCIL].name, council_teams[next_team++]);
          claim_org_name (b, name->str);
          add_org (b, name->str, partners[P_COUNCIL].domain, kind, NULL, "county_wide",
                   rng_range (&b->rng, 20, 200) * b->scale, P_COUNCIL, created);
          continue;
        }

      for (guint attempt = 0;; attempt++)
        {
          town = random_town (b);
          headcount = invent_org (b, kind, town, name);
          /* Past a point the names run out: tell branches apart by number. */
          if (attempt >= 20)
            g_string_append_printf (name, " (%u)", attempt - 18);
          if (claim_org_name (b, name->str))
            break;
        }
      add_org (b, name->str, NULL, kind, NULL, towns[town].locality, headcount, -1, created);
    }

  /* A parent's own staff are those not counted in its directorates. */
  for (guint i = 0; i < b->orgs->len; i++)
    if (ORG (b, i)->parent >= 0)
      ORG (b, ORG (b, i)->parent)->own_headcount -= ORG (b, i)->headcount;
  for (guint i = 0; i < b->orgs->len; i++)
    ORG (b, i)->own_headcount = MAX (ORG (b, i)->own_headcount, ORG (b, i)->headcount / 5);
}

static gboolean
write_organisations (DemoBuilder *b, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  char created_at[32];

  if (!step_begin (b, STEP_ORGANISATIONS, error))
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

      format_stamp (b, created_at, sizeof created_at, org->created,
                    rng_range (&b->rng, 8 * 60, 17 * 60));
      sqlite3_bind_int64 (stmt, 1, i + 1);
      bind_text (stmt, 2, org->name);
      bind_text (stmt, 3, org->sector);
      bind_text (stmt, 4, org->locality);
      sqlite3_bind_int (stmt, 5, org->headcount);
      bind_id (stmt, 6, org->parent + 1);
      bind_text (stmt, 7, created_at);
      if (!step_done (b, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------------------- */
/* People, Tier 1 completions and champions                                                */

/* How many people each organisation contributes: about 20,000 per scale in Somerset. */
static void
plan_people_per_org (DemoBuilder *b)
{
  double total_weight = 0, k;

  for (guint i = 0; i < b->orgs->len; i++)
    if (is_somerset (ORG (b, i)))
      total_weight += ORG (b, i)->own_headcount * kinds[ORG (b, i)->kind].uptake;
  k = 20000.0 * b->scale / total_weight;

  for (guint i = 0; i < b->orgs->len; i++)
    {
      DemoOrg *org = ORG (b, i);

      if (!is_somerset (org))
        {
          /* Contacts who helped shape the model, not a workforce the programme reaches. */
          org->n_people = rng_range (&b->rng, 2, 4);
          continue;
        }
      org->n_people = (guint) (org->own_headcount * kinds[org->kind].uptake * k + 0.5);
      org->n_people = MAX (org->n_people, (guint) MIN (2, org->own_headcount));
      org->n_people = MIN (org->n_people, (guint) org->own_headcount);
    }
}

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
static void
plan_tier1 (DemoBuilder *b, guint p, const DemoOrg *org, const double *month_weights,
            guint n_months)
{
  DemoRng *rng = &b->rng;
  DemoPerson *person = PERSON (b, p);
  gboolean mandatory = kinds[org->kind].mandatory_tier1;
  gboolean health = g_str_equal (org->sector, "nhs_trust") || g_str_equal (org->sector, "icb")
                    || g_str_equal (org->sector, "primary_care");
  DemoCompletion mine[8];
  guint n_mine = 0;
  guint8 source = SOURCE_ACES_ONLINE, last_source;
  int day, last;

  if (!rng_chance (rng, 0.95))
    {
      person->created = rng_range (rng, day_of (2023, 2, 1), b->today);
      return;
    }

  day = imin (random_day_in_month (b, rng_weighted (rng, month_weights, n_months)), b->today);
  if (day >= b->learning_centre
      && rng_chance (rng, mandatory ? 0.85 : health ? 0.35 : 0.1))
    source = SOURCE_LEARNING_CENTRE;
  add_completion (b, p, day, source, mine, &n_mine);
  last = day;
  last_source = source;

  /* Once Tier 1 is in the Learning Centre, many who did the ACEs course do it there too
   * (for council staff it is mandatory); mandatory training is refreshed every year. */
  if (source == SOURCE_ACES_ONLINE && day < b->learning_centre
      && rng_chance (rng, mandatory ? 0.85 : health ? 0.45 : 0.15))
    {
      last = rng_range (rng, b->learning_centre, b->today);
      last_source = SOURCE_LEARNING_CENTRE;
      add_completion (b, p, last, last_source, mine, &n_mine);
    }
  if (rng_chance (rng, mandatory ? 0.9 : 0.5))
    {
      int refresher = last + 365 + rng_range (rng, 0, 30);
      if (refresher <= b->today)
        add_completion (b, p, refresher, last_source, mine, &n_mine);
    }

  if (rng_chance (rng, 0.16))
    {
      guint8 other = source == SOURCE_ACES_ONLINE ? SOURCE_LEARNING_CENTRE : SOURCE_ACES_ONLINE;
      int later = day + rng_range (rng, 1, 45);

      if (later <= b->today && (other != SOURCE_LEARNING_CENTRE || later >= b->learning_centre))
        add_completion (b, p, later, other, mine, &n_mine);
    }

  /* Completions arrive with the monthly export, so the record follows the first one. */
  person->created = imin (day + rng_range (rng, 1, 28), b->today);
}

static void
plan_people (DemoBuilder *b)
{
  int first_month = month_of (2023, 1);
  guint n_months = month_of (2024, 10) - first_month + 1;
  double month_weights[N_MONTHS];

  for (guint m = 0; m < n_months; m++)
    month_weights[m] = m < 8 ? 0.35 + 0.05 * m : 1.4 + 0.04 * (m - 8);

  plan_people_per_org (b);

  for (guint i = 0; i < N_STAFF; i++)
    {
      DemoPerson person = { 0 };

      person.org = programme_staff[i].partner;
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
          person.first_name = rng_below (&b->rng, G_N_ELEMENTS (first_names) - 1);
          person.last_name = rng_below (&b->rng, G_N_ELEMENTS (last_names) - 1);
          person.champion = -1;
          g_array_append_val (b->people, person);

          if (is_somerset (org))
            plan_tier1 (b, p, org, month_weights, n_months);
          else
            PERSON (b, p)->created = rng_range (&b->rng, day_of (2023, 1, 3), b->launch);
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
  int first_month = month_of (2023, 2);
  guint n_months = month_of (2024, 10) - first_month + 1;
  double month_weights[N_MONTHS];

  for (guint m = 0; m < n_months; m++)
    {
      int month = first_month + m;
      month_weights[m] = 1 + 0.12 * m;
      if (month == month_of (2023, 6) || month == month_of (2023, 11))
        month_weights[m] *= 1.8;
      if (month == month_of (2024, 1))
        month_weights[m] *= 1.3;
    }

  for (guint o = 0; o < b->orgs->len; o++)
    {
      const DemoOrg *org = ORG (b, o);
      if (is_somerset (org) && org->n_people >= 3 && rng_chance (rng, 0.85))
        {
          chosen[org->first_person + rng_below (rng, org->n_people)] = 1;
          n++;
        }
    }
  while (n < target)
    {
      guint p = random_somerset_person (b);
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
      if (rng_chance (rng, 0.08))
        c.since = b->launch; /* signed up at the launch */
      else
        c.since = imin (random_day_in_month (b, first_month
                                                 + rng_weighted (rng, month_weights, n_months)),
                       b->today);
      c.changed = -1;
      r = rng_unit (rng);
      if (c.since + 90 <= b->today && r < 0.14)
        {
          c.status = r < 0.07 ? CHAMPION_STEPPED_DOWN : CHAMPION_PAUSED;
          c.changed = rng_range (rng, c.since + 60, b->today);
        }
      c.facilitates = rng_chance (rng, 0.25);

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
static guint
champions_by (DemoBuilder *b, int day)
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

static gboolean
champion_active_on (const DemoChampion *c, int day)
{
  return c->since <= day && (c->status == CHAMPION_ACTIVE || c->changed > day);
}

static gboolean
write_people (DemoBuilder *b, GError **error)
{
  static const char *const consent_ways[] = { "Sign-up form", "Email", "At a network event" };
  static const double consent_weights[] = { 0.6, 0.25, 0.15 };
  g_autoptr (sqlite3_stmt) stmt = NULL;
  char name[96], email[256], created_at[32], updated_at[32];

  if (!step_begin (b, STEP_PEOPLE, error))
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
          g_strlcpy (email, programme_staff[p].email, sizeof email);
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
          if ((contact = rng_chance (&b->rng, 0.92)))
            contact_how = consent_ways[rng_weighted (&b->rng, consent_weights, 3)];
          if ((directory = rng_chance (&b->rng, 0.72)))
            directory_how = rng_chance (&b->rng, 0.8) ? "Sign-up form" : "Email";
        }

      format_stamp (b, created_at, sizeof created_at, person->created,
                    rng_range (&b->rng, 8 * 60, 18 * 60));
      if (updated == person->created)
        g_strlcpy (updated_at, created_at, sizeof updated_at);
      else
        format_stamp (b, updated_at, sizeof updated_at, updated,
                      rng_range (&b->rng, 8 * 60, 18 * 60));

      sqlite3_bind_int64 (stmt, 1, p + 1);
      bind_text (stmt, 2, name);
      bind_text (stmt, 3, email);
      sqlite3_bind_int64 (stmt, 4, person->org + 1);
      bind_text (stmt, 5, p < N_STAFF ? programme_staff[p].job_title
                                       : rng_pick (&b->rng, kinds[org->kind].titles));
      bind_text (stmt, 6, locality);
      bind_text (stmt, 7, p < N_STAFF ? programme_staff[p].role : "staff");
      bind_text (stmt, 8, created_at);
      bind_text (stmt, 9, updated_at);
      sqlite3_bind_int (stmt, 10, contact);
      bind_day (b, stmt, 11, contact ? consent_day : -1);
      bind_text (stmt, 12, contact_how);
      sqlite3_bind_int (stmt, 13, directory);
      bind_day (b, stmt, 14, directory ? consent_day : -1);
      bind_text (stmt, 15, directory_how);
      if (!step_done (b, stmt, error) || !step_tick (b, p, b->people->len, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_champions (DemoBuilder *b, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (!step_begin (b, STEP_CHAMPIONS, error))
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
      bind_day (b, stmt, 2, c->since);
      bind_text (stmt, 3, champion_statuses[c->status]);
      bind_day (b, stmt, 4, c->changed);
      if (!step_done (b, stmt, error) || !step_tick (b, i, b->champions->len, error))
        return FALSE;
    }
  return TRUE;
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

static gboolean
write_tier1 (DemoBuilder *b, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (!step_begin (b, STEP_TIER1, error))
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
      bind_day (b, stmt, 3, c->day);
      bind_text (stmt, 4, tier1_sources[c->source]);
      if (!step_done (b, stmt, error) || !step_tick (b, i, b->completions->len, error))
        return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------------------- */
/* Tier 2 and 3 sessions: the cascade, registers and the psychologist's reviews            */

static guint
pick_host (DemoBuilder *b)
{
  guint lo = 0, hi = b->orgs->len - 1;
  double draw = rng_unit (&b->rng) * b->host_weights[b->orgs->len - 1];

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
  guint joined = champions_by (b, day - 14);

  for (guint attempt = 0; attempt < 4 && org->n_champions > 0; attempt++)
    {
      const DemoChampion *c = CHAMPION (b, org->first_champion + rng_below (&b->rng,
                                                                         org->n_champions));
      if (c->facilitates && champion_active_on (c, day) && c->since <= day - 14
          && (int) c->person != except)
        return c->person;
    }
  for (guint attempt = 0; attempt < 30 && joined > 0; attempt++)
    {
      const DemoChampion *c = CHAMPION (b, b->by_since[rng_below (&b->rng, joined)]);
      if (c->facilitates && champion_active_on (c, day) && (int) c->person != except)
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
      if (rng_chance (rng, 0.35)
          && (champion = pick_facilitating_champion (b, s->host, s->day, -1)) >= 0)
        add_facilitator (s, champion, FACILITATOR_CHAMPION);
    }
  else
    {
      /* Champions cascade once trained to facilitate, from September 2023. */
      int trained = day_of (2023, 9, 1);
      double along = (double) (s->day - trained) / (b->today - trained);
      double cascade = s->day < trained ? 0 : CLAMP (0.15 + 0.65 * along, 0.15, 0.8);

      if (rng_chance (rng, cascade)
          && (champion = pick_facilitating_champion (b, s->host, s->day, -1)) >= 0)
        {
          add_facilitator (s, champion, FACILITATOR_CHAMPION);
          if (rng_chance (rng, 0.4)
              && (champion = pick_facilitating_champion (b, s->host, s->day, champion)) >= 0)
            add_facilitator (s, champion, FACILITATOR_CHAMPION);
          if (rng_chance (rng, 0.15))
            add_facilitator (s, STAFF_COORDINATOR, FACILITATOR_COORDINATOR);
        }
      else
        {
          add_facilitator (s, STAFF_COORDINATOR, FACILITATOR_COORDINATOR);
          if (s->day >= b->staff_start[STAFF_CLINICAL_PSYCHOLOGIST] && rng_chance (rng, 0.12))
            add_facilitator (s, STAFF_CLINICAL_PSYCHOLOGIST, FACILITATOR_PSYCHOLOGIST);
        }
    }
}

/* Delivered sessions led by anyone but a psychologist go to the psychologist's review
 * queue: recent ones mostly wait, older ones are mostly approved, some after changes. */
static void
plan_review (DemoBuilder *b, DemoSession *s)
{
  DemoRng *rng = &b->rng;
  gboolean needs_review = FALSE;
  guint reviewer = STAFF_CLINICAL_PSYCHOLOGIST;
  int earliest, d1;
  double r;

  s->first_review = s->second_review = -1;
  s->review_status = REVIEW_NOT_DUE;
  for (guint i = 0; i < s->n_facilitators; i++)
    {
      if (s->facilitator_kinds[i] != FACILITATOR_PSYCHOLOGIST)
        needs_review = TRUE;
      else if (s->facilitators[i] == STAFF_CLINICAL_PSYCHOLOGIST)
        reviewer = STAFF_EDUCATIONAL_PSYCHOLOGIST; /* nobody reviews their own session */
    }
  if (s->status != SESSION_DELIVERED || !needs_review)
    return;
  if (reviewer == STAFF_CLINICAL_PSYCHOLOGIST && s->tier == 2 && rng_chance (rng, 0.3))
    reviewer = STAFF_EDUCATIONAL_PSYCHOLOGIST;
  s->reviewer = reviewer;
  s->review_status = REVIEW_AWAITING;

  earliest = MAX (s->day + 2, b->staff_start[reviewer]);
  if (earliest > b->today)
    return;
  d1 = imin (rng_range (rng, earliest, earliest + 21), b->today);

  if (b->today - s->day < 14)
    {
      if (rng_chance (rng, 0.25))
        {
          s->review_status = REVIEW_APPROVED;
          s->first_review = rng_range (rng, earliest, b->today);
        }
      return;
    }

  r = rng_unit (rng);
  if (r < 0.07)
    return; /* still in the queue */
  s->first_review = d1;
  if (r < 0.14)
    {
      s->review_status = REVIEW_CHANGES_REQUESTED;
      return;
    }
  s->review_status = REVIEW_APPROVED;
  if (rng_chance (rng, 0.18))
    {
      int d2 = d1 + rng_range (rng, 7, 35);
      if (d2 <= b->today)
        s->second_review = d2;
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
  s->tier = (s->day >= b->tier3_from && rng_chance (rng, 0.15)) ? 3 : 2;
  s->title = rng_pick (rng, s->tier == 3 ? tier3_sessions : kinds[org->kind].sessions);
  s->online = rng_chance (rng, s->tier == 3 ? 0.1 : 0.25);

  if (s->tier == 3)
    {
      gboolean full_day = rng_chance (rng, 0.5);
      s->minute = full_day ? 9 * 60 + 30 : 13 * 60 + 30;
      s->duration = full_day ? 360 : 180;
      s->capacity = rng_range (rng, 8, 14);
    }
  else if (org->kind == KIND_SCHOOL)
    {
      /* Schools are short of staff time: twilight sessions after school, or an INSET day. */
      gboolean twilight = rng_chance (rng, 0.6);
      s->minute = twilight ? 15 * 60 + 45 : 9 * 60;
      s->duration = twilight ? 90 : 180;
      s->capacity = imin (rng_range (rng, 12, 30), imax (8, (int) org->n_people));
    }
  else
    {
      s->minute = minutes[rng_below (rng, G_N_ELEMENTS (minutes))];
      s->duration = durations[rng_below (rng, G_N_ELEMENTS (durations))];
      s->capacity = rng_range (rng, 12, 30);
    }

  if (s->day < b->today)
    s->status = rng_chance (rng, 0.05) ? SESSION_CANCELLED : SESSION_DELIVERED;
  else
    s->status = rng_chance (rng, 0.03) ? SESSION_CANCELLED : SESSION_PLANNED;

  plan_facilitators (b, s);
  plan_review (b, s);
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
  int first_month = month_of (2023, 6), last_month = month_of (2024, 12);
  guint n_months = last_month - first_month + 1;
  double weights[N_MONTHS];
  g_autofree int *days = g_new (int, n);
  double sum = 0;

  b->host_weights = g_new0 (double, b->orgs->len);
  for (guint i = 0; i < b->orgs->len; i++)
    {
      const DemoOrg *org = ORG (b, i);
      if (is_somerset (org) && org->n_people >= 3)
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
      int month = first_month + rng_weighted (&b->rng, weights, n_months);
      days[i] = imin (weekday_near (b, random_day_in_month (b, month)), day_of (2024, 12, 20));
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

static gboolean
write_sessions (DemoBuilder *b, GError **error)
{
  static const char *const school_rooms[] = { "Staff room", "Main hall", "Library", NULL };
  static const char *const other_rooms[] = { "Training room", "Conference room",
                                             "Meeting room 2", "Board room", NULL };
  g_autoptr (sqlite3_stmt) session = NULL;
  g_autoptr (sqlite3_stmt) facilitator = NULL;
  char starts_at[20], created_at[32], venue[512];

  if (!step_begin (b, STEP_SESSIONS, error))
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
      int created = imin (imax (s->day - rng_range (&b->rng, 14, 60),
                              b->staff_start[STAFF_COORDINATOR]),
                         b->today);

      g_snprintf (starts_at, sizeof starts_at, "%s %02d:%02d", iso (b, s->day), s->minute / 60,
                  s->minute % 60);
      if (s->online)
        g_strlcpy (venue, "Microsoft Teams", sizeof venue);
      else
        g_snprintf (venue, sizeof venue, "%s, %s",
                    rng_pick (&b->rng, host->kind == KIND_SCHOOL ? school_rooms : other_rooms),
                    host->name);
      format_stamp (b, created_at, sizeof created_at, created, rng_range (&b->rng, 540, 1020));

      sqlite3_bind_int64 (session, 1, i + 1);
      sqlite3_bind_int (session, 2, s->tier);
      bind_text (session, 3, s->title);
      bind_text (session, 4, starts_at);
      sqlite3_bind_int (session, 5, s->duration);
      bind_text (session, 6, s->online ? "online" : "in_person");
      bind_text (session, 7, venue);
      sqlite3_bind_int64 (session, 8, s->host + 1);
      sqlite3_bind_int (session, 9, s->capacity);
      bind_text (session, 10, session_statuses[s->status]);
      bind_text (session, 11, review_statuses[s->review_status]);
      bind_text (session, 12, created_at);
      if (!step_done (b, session, error))
        return FALSE;

      for (guint f = 0; f < s->n_facilitators; f++)
        {
          sqlite3_bind_int64 (facilitator, 1, i + 1);
          sqlite3_bind_int64 (facilitator, 2, s->facilitators[f] + 1);
          bind_text (facilitator, 3, facilitator_kinds[s->facilitator_kinds[f]]);
          if (!step_done (b, facilitator, error))
            return FALSE;
        }
      if (!step_tick (b, i, b->sessions->len, error))
        return FALSE;
    }
  return TRUE;
}

static void
bind_score (sqlite3_stmt *stmt, int column, int score)
{
  if (score > 0)
    sqlite3_bind_int (stmt, column, score);
  else
    sqlite3_bind_null (stmt, column);
}

/* Registers: mostly the host's own staff; Tier 3 draws on people who did Tier 2. Confidence
 * mostly rises between the start and the end of a session. */
static gboolean
write_attendance (DemoBuilder *b, GError **error)
{
  static const double before_weights[] = { 0.12, 0.33, 0.38, 0.15, 0.02 };
  static const double change_weights[] = { 0.03, 0.17, 0.5, 0.27, 0.03 }; /* -1 to +3 */
  static const double feedback_weights[] = { 0.01, 0.03, 0.14, 0.42, 0.40 };
  DemoRng *rng = &b->rng;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GArray) tier2_pool = g_array_new (FALSE, FALSE, sizeof (guint32));

  if (!step_begin (b, STEP_ATTENDANCE, error))
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
      n = delivered ? rng_range (rng, MAX (6, s->capacity * 70 / 100), s->capacity)
                    : rng_range (rng, MAX (1, s->capacity * 3 / 10), MAX (1, s->capacity * 8 / 10));

      stamp_next (b);
      for (guint f = 0; f < s->n_facilitators; f++)
        stamp_take (b, s->facilitators[f]);

      for (int k = 0; k < n; k++)
        {
          gboolean found = FALSE;
          gboolean attended, completed;
          int before = 0, after = 0, feedback = 0;
          guint p = 0;

          for (guint attempt = 0; attempt < 20 && !found; attempt++)
            {
              if (s->tier == 3 && tier2_pool->len > 0 && rng_chance (rng, 0.6))
                p = g_array_index (tier2_pool, guint32, rng_below (rng, tier2_pool->len));
              else if (host->n_people >= 4 && rng_chance (rng, 0.7))
                p = host->first_person + rng_below (rng, host->n_people);
              else
                p = random_somerset_person (b);
              found = p >= N_STAFF && stamp_take (b, p);
            }
          if (!found)
            continue;

          attended = delivered && rng_chance (rng, 0.9);
          completed = attended && rng_chance (rng, 0.94);
          if (attended && rng_chance (rng, 0.92))
            {
              before = 1 + rng_weighted (rng, before_weights, 5);
              if (completed)
                after = iclamp (before + (int) rng_weighted (rng, change_weights, 5) - 1, 1, 5);
            }
          if (attended && rng_chance (rng, 0.82))
            feedback = 1 + rng_weighted (rng, feedback_weights, 5);

          sqlite3_bind_int64 (stmt, 1, i + 1);
          sqlite3_bind_int64 (stmt, 2, p + 1);
          sqlite3_bind_int (stmt, 3, attended);
          sqlite3_bind_int (stmt, 4, completed);
          bind_score (stmt, 5, before);
          bind_score (stmt, 6, after);
          bind_score (stmt, 7, feedback);
          if (!step_done (b, stmt, error))
            return FALSE;

          if (attended && s->tier == 2)
            {
              guint32 person = p;
              g_array_append_val (tier2_pool, person);
            }
        }
      if (!step_tick (b, i, b->sessions->len, error))
        return FALSE;
    }
  return TRUE;
}

static const char *const unmet_comments[] = {
  "The prevalence of adverse childhood experiences was not covered.",
  "Ground rules and the opt-out were not set out at the start.",
  "The charter principles were mentioned but not linked to examples from the room.",
  "Some case discussion slipped into blaming language; worth revisiting.",
  "The session ended before next steps for the participants' own service.",
  "No check-out, and staff wellbeing support was not signposted.",
};
static const char *const praise_comments[] = {
  "Good use of local examples.", "Participants clearly felt safe to contribute.",
  "Strong links to the county charter.", "Well paced, with time for reflection.", NULL
};
static const char *const approved_notes[] = {
  "Good fidelity to the Tier 2 model; approved.",
  "Approved. A confident, well-structured session.",
  "Approved; lovely use of examples from the host's own work.",
  "Approved. Consider a longer check-out next time.", NULL
};

static gboolean
write_review (DemoBuilder *b, sqlite3_stmt *review, sqlite3_stmt *answer, gint64 *review_id,
              guint session, const DemoSession *s, int day, gboolean approved,
              guint *unmet_mask, GError **error)
{
  guint previous = *unmet_mask;
  guint mask = 0;

  if (!approved)
    {
      guint n_unmet = rng_range (&b->rng, 1, 2);
      for (guint i = 0; i < n_unmet; i++)
        mask |= 1u << rng_below (&b->rng, b->n_items);
    }

  ++*review_id;
  sqlite3_bind_int64 (review, 1, *review_id);
  sqlite3_bind_int64 (review, 2, session + 1);
  sqlite3_bind_int64 (review, 3, s->reviewer + 1);
  bind_day (b, review, 4, day);
  bind_text (review, 5, approved ? "approved" : "changes_requested");
  bind_text (review, 6, !approved  ? "Changes requested: see the checklist comments, and let's "
                                     "talk them through at supervision."
                        : previous ? "Changes made as agreed; approved."
                                   : rng_pick (&b->rng, approved_notes));
  if (!step_done (b, review, error))
    return FALSE;

  for (guint i = 0; i < b->n_items; i++)
    {
      gboolean met = (mask & (1u << i)) == 0;
      const char *comment = NULL;

      if (!met)
        comment = unmet_comments[i % G_N_ELEMENTS (unmet_comments)];
      else if (previous & (1u << i))
        comment = "Addressed since the last review.";
      else if (rng_chance (&b->rng, 0.1))
        comment = rng_pick (&b->rng, praise_comments);

      sqlite3_bind_int64 (answer, 1, *review_id);
      sqlite3_bind_int64 (answer, 2, b->item_ids[i]);
      sqlite3_bind_int (answer, 3, met);
      bind_text (answer, 4, comment);
      if (!step_done (b, answer, error))
        return FALSE;
    }
  *unmet_mask = mask;
  return TRUE;
}

static gboolean
load_fidelity_items (DemoBuilder *b, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (
    b->db, "SELECT id FROM fidelity_items WHERE retired = 0 ORDER BY position, id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  b->n_items = 0;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW && b->n_items < G_N_ELEMENTS (b->item_ids))
    b->item_ids[b->n_items++] = sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return ti_database_set_error_from_sqlite (b->db, rc, _("reading the fidelity checklist"),
                                              error);
  return TRUE;
}

static gboolean
write_reviews (DemoBuilder *b, GError **error)
{
  g_autoptr (sqlite3_stmt) review = NULL;
  g_autoptr (sqlite3_stmt) answer = NULL;
  gint64 review_id = 0;

  if (!step_begin (b, STEP_REVIEWS, error) || !load_fidelity_items (b, error))
    return FALSE;
  if (b->n_items == 0)
    return TRUE;

  review = ti_database_prepare (b->db,
                                "INSERT INTO reviews (id, session_id, reviewer_id, reviewed_on,"
                                " outcome, notes) VALUES (?, ?, ?, ?, ?, ?)",
                                error);
  answer = ti_database_prepare (b->db,
                                "INSERT INTO review_answers (review_id, item_id, met, comment)"
                                " VALUES (?, ?, ?, ?)",
                                error);
  if (review == NULL || answer == NULL)
    return FALSE;

  for (guint i = 0; i < b->sessions->len; i++)
    {
      const DemoSession *s = SESSION (b, i);
      guint unmet = 0;

      if (s->first_review < 0)
        continue;
      if (s->second_review >= 0)
        {
          /* The history: changes asked for first, then approved. */
          if (!write_review (b, review, answer, &review_id, i, s, s->first_review, FALSE, &unmet,
                             error)
              || !write_review (b, review, answer, &review_id, i, s, s->second_review, TRUE,
                                &unmet, error))
            return FALSE;
        }
      else if (!write_review (b, review, answer, &review_id, i, s, s->first_review,
                              s->review_status == REVIEW_APPROVED, &unmet, error))
        return FALSE;
      if (!step_tick (b, i, b->sessions->len, error))
        return FALSE;
    }
  return TRUE;
}

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
      *a = (DemoAdoption){ "signed", day_of (2023, 1, 3), b->launch, day_of (2025, 1, 27),
                           "Chief Executive" };
      return TRUE;
    case P_ICB:
      *a = (DemoAdoption){ "review_due", day_of (2023, 1, 3), b->launch, day_of (2024, 1, 26),
                           "Chief Executive" };
      return TRUE;
    case P_TRUST:
      *a = (DemoAdoption){ "review_due", day_of (2023, 1, 16), day_of (2023, 3, 15),
                           day_of (2024, 3, 15), "Chief Executive" };
      return TRUE;
    case P_POLICE:
      *a = (DemoAdoption){ "review_due", day_of (2023, 3, 1), day_of (2023, 6, 22),
                           day_of (2024, 6, 22), "Chief Constable" };
      return TRUE;
    case P_OPCC:
      *a = (DemoAdoption){ "review_due", day_of (2023, 3, 1), day_of (2023, 6, 22),
                           day_of (2024, 6, 22), "Police and Crime Commissioner" };
      return TRUE;
    case P_SECOND_STEP:
      *a = (DemoAdoption){ "signed", day_of (2023, 7, 10), day_of (2023, 11, 16),
                           day_of (2024, 11, 16), "Chief Executive Officer" };
      return TRUE;
    case P_NO_ONE_LEFT_OUT:
      *a = (DemoAdoption){ "signed", day_of (2023, 12, 1), day_of (2024, 3, 14),
                           day_of (2025, 3, 14), "Director" };
      return TRUE;
    case P_SHAL:
      *a = (DemoAdoption){ "consultation", day_of (2024, 2, 1), -1, -1, NULL };
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
  if (!is_somerset (org) || org->parent >= 0 || !rng_chance (rng, 0.7))
    return FALSE;

  *a = (DemoAdoption){ "not_started", -1, -1, -1, NULL };
  r = rng_unit (rng);
  if (r < 0.35)
    {
      a->signed_on = weekday_near (b, rng_range (rng, b->launch + 30, b->today - 5));
      a->consultation = imax (0, a->signed_on - rng_range (rng, 30, 120));
      a->review_on = a->signed_on + 365;
      a->stage = a->review_on <= b->today ? "review_due" : "signed";
    }
  else if (r < 0.65)
    {
      a->stage = "consultation";
      a->consultation = weekday_near (b, rng_range (rng, b->launch, b->today - 10));
    }
  return TRUE;
}

static gboolean
write_charter (DemoBuilder *b, GError **error)
{
  g_autoptr (sqlite3_stmt) adoption = NULL;
  g_autoptr (sqlite3_stmt) commitment = NULL;
  gint64 commitment_id = 0;
  char signatory[96];

  if (!step_begin (b, STEP_CHARTER, error))
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
      guint used = 0, n_actions = strv_count (commitment_actions);

      if (!plan_adoption (b, o, &a))
        continue;
      if (a.signed_on >= 0)
        random_name (b, signatory, sizeof signatory);

      sqlite3_bind_int64 (adoption, 1, o + 1);
      bind_text (adoption, 2, a.stage);
      bind_day (b, adoption, 3, a.consultation);
      bind_day (b, adoption, 4, a.signed_on);
      bind_text (adoption, 5, a.signed_on >= 0 ? signatory : NULL);
      bind_text (adoption, 6, a.signed_on < 0 ? NULL
                              : a.role   ? a.role
                                         : rng_pick (&b->rng, kinds[org->kind].signatories));
      bind_day (b, adoption, 7, a.review_on);
      if (!step_done (b, adoption, error))
        return FALSE;

      if (a.signed_on < 0)
        continue;
      for (int n = rng_range (&b->rng, 2, 4); n > 0; n--)
        {
          guint action = rng_below (&b->rng, n_actions);
          int due = imin (a.signed_on + rng_range (&b->rng, 60, 400), N_DAYS - 1);
          int done = -1;

          if (used & (1u << action))
            continue;
          used |= 1u << action;
          if (due <= b->today && rng_chance (&b->rng, 0.65))
            done = iclamp (due + rng_range (&b->rng, -45, 30), a.signed_on + 7, b->today);
          else if (due > b->today && a.signed_on + 7 <= b->today && rng_chance (&b->rng, 0.15))
            done = rng_range (&b->rng, a.signed_on + 7, b->today);

          sqlite3_bind_int64 (commitment, 1, ++commitment_id);
          sqlite3_bind_int64 (commitment, 2, o + 1);
          bind_text (commitment, 3, commitment_actions[action]);
          bind_day (b, commitment, 4, due);
          bind_day (b, commitment, 5, done);
          if (!step_done (b, commitment, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* ------------------------------------------------------------------------------------- */
/* Network events, their speakers and who came                                             */

static const struct
{
  const char *kind;
  const char *title;
  int year, month, day, minute;
  const char *venue;
  const char *description;
  const char *best_practice;
} anchors[N_ANCHORS] = {
  [ANCHOR_LAUNCH] = { "launch", "Trauma Informed Somerset Network and Charter Launch", 2023, 1,
                      26, 10 * 60, "County Hall, Taunton",
                      "The launch of the trauma-informed network and the county charter, with "
                      "partners from health, the council, the police, education and the "
                      "voluntary sector.",
                      "Partners shared what being trauma-informed already looks like in their "
                      "teams; young people presented the principles they helped to shape." },
  [ANCHOR_JUNE_2023] = { "network_event", "Second Trauma Informed Network Event", 2023, 6, 22,
                         9 * 60 + 30, "Bridgwater Arts Centre",
                         "Building the network of champions: the tiered training offer and how "
                         "champions can cascade it.",
                         "A school showed how a calm corner and a consistent key adult reduced "
                         "exclusions; the police shared a trauma-informed approach to "
                         "safeguarding referrals." },
  [ANCHOR_NOVEMBER_2023] = { "network_event",
                             "Third Network Event: feedback on training and champion-led "
                             "delivery",
                             2023, 11, 16, 9 * 60 + 30, "Yeovil Innovation Centre",
                             "Sharing feedback on the training and the impact of tailored "
                             "training delivered by champions.",
                             "Champions described adapting Tier 2 for twilight sessions in "
                             "schools; a housing team showed letters rewritten with people who "
                             "receive them." },
  [ANCHOR_MARCH_2024] = { "network_event", "Fourth Network Event: trauma-informed schools", 2024,
                          3, 14, 13 * 60, "Frome Town Hall",
                          "Trauma-informed practice across Somerset's schools and the services "
                          "around them.",
                          "Relational behaviour policies from three schools; the EP service on "
                          "supporting staff after critical incidents." },
  [ANCHOR_CONFERENCE_2024] = { "conference", "Trauma Informed Somerset Conference 2024", 2024, 6,
                               20, 9 * 60, "Somerset County Cricket Ground, Taunton",
                               "A county-wide conference with national and international "
                               "speakers, marking the first full evaluation.",
                               "Findings of the full evaluation; lived experience panel members "
                               "on what has changed for them." },
  [ANCHOR_SEPTEMBER_2024] = { "network_event",
                              "Fifth Network Event: lived experience and co-production", 2024, 9,
                              26, 9 * 60 + 30, "Wells Town Hall",
                              "Co-producing services with people with lived experience of "
                              "trauma.",
                              "Paid lived experience roles in two VCSE partners; a GP surgery's "
                              "redesigned reception." },
  [ANCHOR_NOVEMBER_2024] = { "network_event", "Sixth Network Event: the year ahead", 2024, 11,
                             21, 9 * 60 + 30, "Bridgwater Arts Centre",
                             "The strategy for the following year, shaped by the evaluation.",
                             NULL },
};

static const char *const workshop_titles[] = {
  "Champion induction workshop", "Facilitating Tier 2: champion skills workshop",
  "Trauma-informed environments workshop", "Co-production with lived experience workshop",
  "Reflective practice workshop for champions", "Trauma-informed language and letters workshop",
  NULL
};
static const char *const webinar_titles[] = {
  "Webinar: ACEs, the brain and behaviour", "Webinar: trauma-informed supervision",
  "Webinar: vicarious trauma and staff wellbeing", "Webinar: trauma-informed policing in practice",
  "Webinar: trauma-informed schools in Somerset",
  "Webinar: learning from Scotland's trauma transformation programme",
  "Webinar: trauma-informed housing", NULL
};
static const char *const conference_titles[] = {
  "South West trauma-informed practice conference", "Trauma-informed schools conference",
  "Adversity and resilience conference", NULL
};
static const char *const local_affiliations[] = {
  "Somerset NHS Foundation Trust", "Second Step", "Somerset County Council – Children's Services",
  "Somerset County Council – Public Health", "A Bridgwater primary school",
  "A Somerset parent carer group", "The lived experience panel", "Avon and Somerset Police",
  "SHAL Housing", "No One Left Out", NULL
};
static const char *const national_affiliations[] = {
  "WAVE Trust", "Trauma Informed Schools UK", "University of Bristol",
  "Greater Manchester Combined Authority", "NHS Scotland",
  "A national trauma-informed schools network", "A national charity for early intervention",
  "A university research centre on childhood adversity",
  "A national policing vulnerability programme", NULL
};
static const char *const international_affiliations[] = {
  "A trauma-informed practice institute in the United States",
  "An Australian childhood trauma foundation", "A Canadian trauma-informed schools initiative",
  "A Dutch research programme on adverse childhood experiences",
  "A New Zealand youth justice service", NULL
};
static const char *const speaker_topics[] = {
  "Adverse childhood experiences: what the evidence says", "Why Somerset needs a trauma-informed system",
  "Relational practice in schools", "Trauma-informed leadership",
  "Lived experience: what helps and what harms", "Measuring the impact of trauma-informed practice",
  "Trauma-informed policing", "Compassion fatigue and staff wellbeing",
  "Building a network of champions", "Co-production that shares power", NULL
};
static const char *const event_descriptions[] = {
  "Practical ideas for champions to take back to their teams.",
  "An introduction for new champions and partners.",
  "Sharing learning across sectors and localities.", NULL
};
static const char *const best_practices[] = {
  "A primary school's key-adult model for children returning after exclusion.",
  "A GP practice offering longer first appointments when a patient discloses adversity.",
  "Police officers using a short script to explain what happens next.",
  "A housing team rewriting arrears letters with tenants.",
  "A care home using life-story work with residents.",
  "Champions meeting monthly for peer reflective practice.",
  "A youth project co-designing its referral form with young people.", NULL
};
static const char *const feedback_themes[] = {
  "More time for networking", "Wanted more examples from schools", "Inspiring speakers",
  "Practical and relevant", "Would like the slides shared", "Room was too crowded",
  "Hearing lived experience was powerful", "More about staff wellbeing, please", NULL
};

typedef struct
{
  int day;
  int minute;
  int order; /* to keep ties in a fixed order */
  int anchor; /* index into anchors, or -1 */
  const char *kind;
  char *title;
  char *venue;
  const char *description;
} DemoEvent;

static void
event_clear (gpointer data)
{
  DemoEvent *e = data;

  g_free (e->title);
  g_free (e->venue);
}

static int
compare_events (gconstpointer a, gconstpointer c)
{
  const DemoEvent *x = a, *y = c;

  if (x->day != y->day)
    return x->day - y->day;
  if (x->minute != y->minute)
    return x->minute - y->minute;
  return x->order - y->order;
}

/* About 30 events at scale 1: the anchors of the report's timeline, and workshops,
 * webinars and conferences in between. */
static GArray *
plan_events (DemoBuilder *b)
{
  static const double kind_weights[] = { 0.45, 0.45, 0.10 };
  static const char *const extra_kinds[] = { "workshop", "webinar", "conference" };
  static const char *const venue_kinds[] = { "Library", "Town Hall", "Community Centre", NULL };
  GArray *events = g_array_new (FALSE, TRUE, sizeof (DemoEvent));
  guint n_extra = 30 + 10 * (b->scale - 1) - N_ANCHORS;

  g_array_set_clear_func (events, event_clear);
  for (guint i = 0; i < N_ANCHORS; i++)
    {
      DemoEvent e = { 0 };

      e.day = day_of (anchors[i].year, anchors[i].month, anchors[i].day);
      e.minute = anchors[i].minute;
      e.order = i;
      e.anchor = i;
      e.kind = anchors[i].kind;
      e.title = g_strdup (anchors[i].title);
      e.venue = g_strdup (anchors[i].venue);
      e.description = anchors[i].description;
      g_array_append_val (events, e);
    }

  for (guint i = 0; i < n_extra; i++)
    {
      DemoEvent e = { 0 };
      guint town = random_town (b);

      e.kind = extra_kinds[rng_weighted (&b->rng, kind_weights, 3)];
      e.day = weekday_near (b, rng_range (&b->rng, day_of (2023, 2, 1), day_of (2024, 12, 12)));
      e.order = N_ANCHORS + i;
      e.anchor = -1;
      e.description = rng_pick (&b->rng, event_descriptions);
      if (g_str_equal (e.kind, "webinar"))
        {
          e.minute = rng_chance (&b->rng, 0.5) ? 12 * 60 + 30 : 16 * 60;
          e.title = g_strdup (rng_pick (&b->rng, webinar_titles));
        }
      else if (g_str_equal (e.kind, "workshop"))
        {
          e.minute = rng_chance (&b->rng, 0.5) ? 9 * 60 + 30 : 13 * 60 + 30;
          e.title = g_strdup_printf ("%s (%s)", rng_pick (&b->rng, workshop_titles),
                                     towns[town].name);
          e.venue = g_strdup_printf ("%s %s", towns[town].name, rng_pick (&b->rng, venue_kinds));
        }
      else
        {
          e.minute = 9 * 60;
          e.title = g_strdup_printf ("%s %.4s", rng_pick (&b->rng, conference_titles),
                                     iso (b, e.day));
          e.venue = g_strdup_printf ("%s Conference Centre", towns[town].name);
        }
      g_array_append_val (events, e);
    }
  g_array_sort (events, compare_events);
  return events;
}

static gboolean
write_speakers (DemoBuilder *b, sqlite3_stmt *stmt, gint64 *speaker_id, gint64 event_id,
                const DemoEvent *e, GError **error)
{
  static const char *const reaches[] = { "local", "national", "international" };
  double weights[3] = { 0.5, 0.35, 0.15 };
  int n;
  char name[128], plain[96];

  if (g_str_equal (e->kind, "workshop"))
    n = 1, weights[1] = 0.1, weights[2] = 0;
  else if (g_str_equal (e->kind, "webinar"))
    n = rng_range (&b->rng, 1, 2);
  else if (g_str_equal (e->kind, "conference"))
    n = rng_range (&b->rng, 4, 6), weights[0] = 0.35, weights[2] = 0.25;
  else
    n = rng_range (&b->rng, 2, 4);

  for (int i = 0; i < n; i++)
    {
      guint reach = rng_weighted (&b->rng, weights, 3);
      const char *const *affiliations = reach == 0   ? local_affiliations
                                        : reach == 1 ? national_affiliations
                                                     : international_affiliations;

      random_name (b, plain, sizeof plain);
      if (reach > 0 && rng_chance (&b->rng, 0.35))
        g_snprintf (name, sizeof name, "%s %s", rng_chance (&b->rng, 0.7) ? "Dr" : "Professor",
                    plain);
      else
        g_strlcpy (name, plain, sizeof name);

      sqlite3_bind_int64 (stmt, 1, ++*speaker_id);
      sqlite3_bind_int64 (stmt, 2, event_id);
      bind_text (stmt, 3, name);
      bind_text (stmt, 4, rng_pick (&b->rng, affiliations));
      bind_text (stmt, 5, reaches[reach]);
      bind_text (stmt, 6, rng_pick (&b->rng, speaker_topics));
      if (!step_done (b, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_guest (DemoBuilder *b, sqlite3_stmt *stmt, gint64 event_id, const DemoEvent *e, guint p,
             gboolean invited, double attend, GError **error)
{
  static const double feedback_weights[] = { 0.01, 0.04, 0.18, 0.42, 0.35 };
  gboolean attended = e->day < b->today && (!invited || rng_chance (&b->rng, attend));
  int feedback = attended && rng_chance (&b->rng, 0.65)
                   ? 1 + (int) rng_weighted (&b->rng, feedback_weights, 5)
                   : 0;

  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_int64 (stmt, 2, p + 1);
  sqlite3_bind_int (stmt, 3, invited);
  sqlite3_bind_int (stmt, 4, attended);
  bind_score (stmt, 5, feedback);
  bind_text (stmt, 6, feedback > 0 && rng_chance (&b->rng, 0.6)
                        ? rng_pick (&b->rng, feedback_themes)
                        : NULL);
  return step_done (b, stmt, error);
}

/* Invitations go to the champions of the day (all of them for network events) and to
 * partner staff; past events record who came and what they thought. */
static gboolean
write_event_attendance (DemoBuilder *b, sqlite3_stmt *stmt, gint64 event_id, const DemoEvent *e,
                        GError **error)
{
  guint joined = champions_by (b, e->day - 3);
  /* Extra events multiply with the scale, and so do the champions: the extra events
   * invite a thinner share, so invitations grow in step with the scale, not its square. */
  double spread = e->anchor >= 0 ? 1.0 : 30.0 / (30 + 10 * (b->scale - 1));
  double invite, attend;
  guint extra_staff, n_workshop = 0;
  gboolean outside = FALSE;

  if (g_str_equal (e->kind, "launch"))
    invite = 1, attend = 0.7, extra_staff = 60, outside = TRUE;
  else if (g_str_equal (e->kind, "network_event"))
    invite = 1, attend = 0.5, extra_staff = 30;
  else if (g_str_equal (e->kind, "conference"))
    invite = 0.75, attend = 0.55, extra_staff = 60, outside = TRUE;
  else if (g_str_equal (e->kind, "webinar"))
    invite = 0.45, attend = 0.45, extra_staff = 25;
  else
    invite = 0, attend = 0.75, extra_staff = 5, n_workshop = rng_range (&b->rng, 20, 50);

  stamp_next (b);
  if (n_workshop > 0 && joined > 0)
    {
      for (guint i = 0; i < n_workshop * 3 && n_workshop > 0; i++)
        {
          const DemoChampion *c = CHAMPION (b, b->by_since[rng_below (&b->rng, joined)]);
          if (!champion_active_on (c, e->day) || !stamp_take (b, c->person))
            continue;
          if (!write_guest (b, stmt, event_id, e, c->person, TRUE, attend, error))
            return FALSE;
          n_workshop--;
        }
    }
  else
    {
      for (guint i = 0; i < joined; i++)
        {
          const DemoChampion *c = CHAMPION (b, b->by_since[i]);
          if (!champion_active_on (c, e->day) || !rng_chance (&b->rng, invite * spread))
            continue;
          stamp_take (b, c->person);
          if (!write_guest (b, stmt, event_id, e, c->person, TRUE, attend, error))
            return FALSE;
        }
    }

  for (guint i = 0; i < (guint) (extra_staff * b->scale * spread + 0.5); i++)
    {
      guint p = random_somerset_person (b);
      if (stamp_take (b, p) && !write_guest (b, stmt, event_id, e, p, TRUE, attend, error))
        return FALSE;
    }

  /* The programme's own staff, and the outside partners who helped shape the model. */
  for (guint p = 0; p < N_STAFF; p++)
    if (e->day >= b->staff_start[p] && stamp_take (b, p)
        && !write_guest (b, stmt, event_id, e, p, TRUE, 0.9, error))
      return FALSE;
  for (guint o = P_BRISTOL; outside && o <= P_BANES; o++)
    for (guint p = ORG (b, o)->first_person; p < ORG (b, o)->first_person + ORG (b, o)->n_people;
         p++)
      if (stamp_take (b, p) && !write_guest (b, stmt, event_id, e, p, TRUE, 0.5, error))
        return FALSE;

  /* A few walk in without an invitation. */
  if (e->day < b->today)
    for (int n = (int) (rng_range (&b->rng, 0, 4) * b->scale * spread + 0.5); n > 0; n--)
      {
        guint p = random_somerset_person (b);
        if (stamp_take (b, p) && !write_guest (b, stmt, event_id, e, p, FALSE, 1, error))
          return FALSE;
      }
  return TRUE;
}

static gboolean
write_events (DemoBuilder *b, GError **error)
{
  g_autoptr (sqlite3_stmt) event = NULL;
  g_autoptr (sqlite3_stmt) speaker = NULL;
  g_autoptr (sqlite3_stmt) guest = NULL;
  g_autoptr (GArray) events = NULL;
  g_autoptr (GString) best = g_string_new (NULL);
  gint64 speaker_id = 0;
  char starts_at[20], link[128];

  if (!step_begin (b, STEP_EVENTS, error))
    return FALSE;
  events = plan_events (b);

  event = ti_database_prepare (b->db,
                               "INSERT INTO events (id, title, kind, starts_at, venue, online_link,"
                               " description, best_practice) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                               error);
  speaker = ti_database_prepare (b->db,
                                 "INSERT INTO event_speakers (id, event_id, name, affiliation,"
                                 " reach, topic) VALUES (?, ?, ?, ?, ?, ?)",
                                 error);
  guest = ti_database_prepare (b->db,
                               "INSERT INTO event_attendance (event_id, person_id, invited,"
                               " attended, feedback, feedback_theme) VALUES (?, ?, ?, ?, ?, ?)",
                               error);
  if (event == NULL || speaker == NULL || guest == NULL)
    return FALSE;

  for (guint i = 0; i < events->len; i++)
    {
      const DemoEvent *e = &g_array_index (events, DemoEvent, i);
      gint64 id = i + 1;
      gboolean online = e->venue == NULL;

      g_snprintf (starts_at, sizeof starts_at, "%s %02d:%02d", iso (b, e->day), e->minute / 60,
                  e->minute % 60);
      g_snprintf (link, sizeof link, "https://events.example/trauma-informed-somerset/%" G_GINT64_FORMAT,
                  id);
      g_string_truncate (best, 0);
      if (e->day < b->today)
        {
          if (e->anchor >= 0 && anchors[e->anchor].best_practice)
            g_string_append (best, anchors[e->anchor].best_practice);
          else
            g_string_printf (best, "%s %s", rng_pick (&b->rng, best_practices),
                             rng_pick (&b->rng, best_practices));
        }
      if (e->anchor >= 0)
        b->anchor_ids[e->anchor] = id;

      sqlite3_bind_int64 (event, 1, id);
      bind_text (event, 2, e->title);
      bind_text (event, 3, e->kind);
      bind_text (event, 4, starts_at);
      bind_text (event, 5, e->venue);
      bind_text (event, 6, online ? link : NULL);
      bind_text (event, 7, e->description);
      bind_text (event, 8, best->len > 0 ? best->str : NULL);
      if (!step_done (b, event, error)
          || !write_speakers (b, speaker, &speaker_id, id, e, error)
          || !write_event_attendance (b, guest, id, e, error)
          || g_cancellable_set_error_if_cancelled (b->cancellable, error))
        return FALSE;
      /* Few events, each with many guests: report after every one. */
      report (b, (double) (i + 1) / events->len);
    }
  return TRUE;
}

/* ------------------------------------------------------------------------------------- */
/* Engagement with people with lived experience: aggregate counts only, never names        */

typedef struct
{
  const char *kind;
  const char *title;
  const char *summary;
  int young[2], adults[2], parents[2], professionals[2], community[2];
  const char *influences[3];
  int year, month, day; /* when it was first held */
} DemoEngagementTemplate;

static const DemoEngagementTemplate engagement_templates[] = {
  { "focus_group", "Young people's focus group on the draft principles",
    "Young people read the draft principles and said what they would change.", { 8, 12 },
    { 0, 0 }, { 0, 0 }, { 2, 3 }, { 0, 0 }, { "principles", "charter" }, 2023, 1, 10 },
  { "survey", "Survey of people with lived experience: what helps",
    "An online and paper survey through VCSE partners.", { 10, 40 }, { 60, 140 }, { 20, 60 },
    { 0, 0 }, { 10, 40 }, { "principles", "service_delivery" }, 2023, 2, 20 },
  { "panel", "Lived experience panel: charter wording",
    "The panel went through the charter line by line.", { 0, 0 }, { 6, 10 }, { 0, 2 }, { 1, 2 },
    { 0, 0 }, { "charter" }, 2023, 3, 9 },
  { "one_to_one", "One-to-one conversations with care leavers",
    "Conversations held where the young people chose.", { 3, 6 }, { 0, 0 }, { 0, 0 }, { 0, 1 },
    { 0, 0 }, { "principles", "service_delivery" }, 2023, 4, 18 },
  { "co_production_workshop", "Co-producing Tier 2 case studies",
    "People with lived experience and trainers wrote the case studies together.", { 0, 0 },
    { 5, 9 }, { 0, 2 }, { 6, 12 }, { 0, 0 }, { "training" }, 2023, 7, 12 },
  { "consultation", "Public consultation on the charter",
    "A four-week consultation, online and in libraries.", { 10, 30 }, { 30, 60 }, { 20, 50 },
    { 30, 60 }, { 80, 200 }, { "charter" }, 2023, 9, 4 },
  { "focus_group", "Parent carer focus group on school exclusions",
    "Parents and carers on what helped and what did not.", { 0, 0 }, { 0, 0 }, { 7, 12 },
    { 1, 2 }, { 0, 0 }, { "training", "service_delivery" }, 2023, 10, 17 },
  { "panel", "Lived experience panel: reviewing training materials",
    "The panel reviewed the Tier 2 slides and handouts.", { 0, 0 }, { 6, 9 }, { 0, 0 },
    { 1, 2 }, { 0, 0 }, { "training" }, 2024, 1, 23 },
  { "survey", "Staff and volunteer survey on trauma-informed workplaces",
    "Asked staff and volunteers whether their workplace feels safe and fair.", { 0, 0 },
    { 0, 0 }, { 0, 0 }, { 150, 300 }, { 0, 0 }, { "evaluation", "service_delivery" }, 2024, 3,
    4 },
  { "co_production_workshop", "Designing a trauma-informed reception with housing tenants",
    "Tenants and housing staff walked through the reception together.", { 0, 0 }, { 5, 10 },
    { 0, 0 }, { 4, 8 }, { 0, 3 }, { "service_delivery" }, 2024, 4, 16 },
  { "focus_group", "Young people's focus group on the evaluation",
    "Young people chose the questions the evaluation should answer.", { 6, 10 }, { 0, 0 },
    { 0, 0 }, { 1, 2 }, { 0, 0 }, { "evaluation" }, 2024, 5, 8 },
  { "consultation", "Consultation on the strategy for the following year",
    "Open consultation on the priorities after the full evaluation.", { 5, 20 }, { 20, 50 },
    { 10, 30 }, { 40, 80 }, { 30, 90 }, { "evaluation", "principles" }, 2024, 8, 27 },
};

static const struct
{
  const char *area;
  const char *you_said;
  const char *we_did;
  const char *owner;
} you_said_we_did[] = {
  { "principles", "The word “trauma” can feel like a label that sticks to you.",
    "The charter talks about what helps people, not about what happened to them.",
    "Charter working group" },
  { "charter", "Young people want the charter in the words they would use.",
    "We wrote a young people's version of the charter with the focus group.",
    "Charter working group" },
  { "training", "Staff should hear from people with lived experience, not just read about it.",
    "Tier 2 sessions now include a co-produced lived experience case study.",
    "Training workstream" },
  { "training", "Training at the end of a school day is hard to take in.",
    "Schools can choose a morning INSET slot or two shorter twilight sessions.",
    "Trauma-informed co-ordinator" },
  { "service_delivery", "Telling your story again at every service is exhausting.",
    "Partners are testing a shared “tell it once” summary, with consent.",
    "Service delivery workstream" },
  { "service_delivery", "Reception areas feel unwelcoming and exposed.",
    "Two housing offices and a GP surgery reviewed their reception areas with the panel.",
    "Service delivery workstream" },
  { "evaluation", "Ask us how it feels, not only how many people were trained.",
    "The evaluation includes a lived experience survey alongside the training figures.",
    "Evaluation lead" },
  { "evaluation", "Tell us what changed after we took part.",
    "We publish a “you said, we did” summary after every activity.",
    "Trauma-informed co-ordinator" },
  { "principles", "Choice matters: being asked where to sit or who to talk to.",
    "Choice is written into the charter with everyday examples.", "Charter working group" },
  { "charter", "Small charities cannot sign up to everything at once.",
    "Organisations can sign with a few commitments first and add more at review.",
    "Charter working group" },
  { "training", "Police officers meet people at their worst moments.",
    "A Tier 2 session was tailored for neighbourhood policing teams.", "Training workstream" },
  { "service_delivery", "Letters from services can be frightening.",
    "Partners are rewriting standard letters with the lived experience panel.",
    "Service delivery workstream" },
};

static int
count_between (DemoBuilder *b, const int range[2])
{
  return rng_range (&b->rng, range[0], range[1]);
}

static gboolean
write_engagement (DemoBuilder *b, GError **error)
{
  g_autoptr (sqlite3_stmt) activity = NULL;
  g_autoptr (sqlite3_stmt) influence = NULL;
  g_autoptr (sqlite3_stmt) action = NULL;
  guint n_templates = G_N_ELEMENTS (engagement_templates);
  guint n = 20 + 10 * (b->scale - 1);
  gint64 action_id = 0;
  g_autofree int *days = g_new (int, n);
  g_autofree guint *which = g_new (guint, n);
  char title[256];

  if (!step_begin (b, STEP_ENGAGEMENT, error))
    return FALSE;
  activity = ti_database_prepare (
    b->db,
    "INSERT INTO engagement_activities (id, held_on, kind, title, summary, young_people,"
    " adults_lived_experience, parents_carers, professionals, community_members)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    error);
  influence = ti_database_prepare (
    b->db, "INSERT INTO engagement_influences (activity_id, area) VALUES (?, ?)", error);
  action = ti_database_prepare (b->db,
                                "INSERT INTO engagement_actions (id, activity_id, you_said,"
                                " we_did, owner, due_on, status) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                error);
  if (activity == NULL || influence == NULL || action == NULL)
    return FALSE;

  /* The first of each kind on its date; repeats later, in date order. */
  for (guint i = 0; i < n; i++)
    {
      which[i] = i < n_templates ? i : rng_below (&b->rng, n_templates);
      days[i] = i < n_templates ? day_of (engagement_templates[i].year,
                                          engagement_templates[i].month,
                                          engagement_templates[i].day)
                                : -1;
      /* A repeat comes after the first of its kind. */
      if (days[i] < 0)
        {
          const DemoEngagementTemplate *t = &engagement_templates[which[i]];
          int first = day_of (t->year, t->month, t->day);
          days[i] = weekday_near (b, rng_range (&b->rng, first + 30, b->today - 7));
        }
    }
  for (guint i = 1; i < n; i++)
    for (guint j = i; j > 0 && days[j - 1] > days[j]; j--)
      {
        int d = days[j];
        guint w = which[j];
        days[j] = days[j - 1], which[j] = which[j - 1];
        days[j - 1] = d, which[j - 1] = w;
      }

  for (guint i = 0; i < n; i++)
    {
      const DemoEngagementTemplate *t = &engagement_templates[which[i]];
      gint64 id = i + 1;
      guint used = 0;
      guint relevant[G_N_ELEMENTS (you_said_we_did)];
      guint n_relevant;

      if (days[i] == day_of (t->year, t->month, t->day))
        g_strlcpy (title, t->title, sizeof title);
      else
        g_snprintf (title, sizeof title, "%s (%s)", t->title,
                    towns[random_town (b)].name);

      sqlite3_bind_int64 (activity, 1, id);
      bind_day (b, activity, 2, days[i]);
      bind_text (activity, 3, t->kind);
      bind_text (activity, 4, title);
      bind_text (activity, 5, t->summary);
      sqlite3_bind_int (activity, 6, count_between (b, t->young));
      sqlite3_bind_int (activity, 7, count_between (b, t->adults));
      sqlite3_bind_int (activity, 8, count_between (b, t->parents));
      sqlite3_bind_int (activity, 9, count_between (b, t->professionals));
      sqlite3_bind_int (activity, 10, count_between (b, t->community));
      if (!step_done (b, activity, error))
        return FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (t->influences) && t->influences[k]; k++)
        {
          sqlite3_bind_int64 (influence, 1, id);
          bind_text (influence, 2, t->influences[k]);
          if (!step_done (b, influence, error))
            return FALSE;
        }

      /* "You said, we did": from what this activity influenced. */
      n_relevant = 0;
      for (guint k = 0; k < G_N_ELEMENTS (you_said_we_did); k++)
        for (guint m = 0; m < G_N_ELEMENTS (t->influences) && t->influences[m]; m++)
          if (g_str_equal (t->influences[m], you_said_we_did[k].area))
            relevant[n_relevant++] = k;
      for (int k = rng_range (&b->rng, 1, 3); k > 0 && n_relevant > 0; k--)
        {
          guint pick = relevant[rng_below (&b->rng, n_relevant)];
          int due = imin (days[i] + rng_range (&b->rng, 30, 150), N_DAYS - 1);
          const char *status;

          if (used & (1u << pick))
            continue;
          used |= 1u << pick;

          if (due <= b->today - 30)
            status = rng_chance (&b->rng, 0.85) ? "done" : "in_progress";
          else
            status = rng_chance (&b->rng, 0.5) ? "open" : "in_progress";

          sqlite3_bind_int64 (action, 1, ++action_id);
          sqlite3_bind_int64 (action, 2, id);
          bind_text (action, 3, you_said_we_did[pick].you_said);
          bind_text (action, 4, g_str_equal (status, "open") ? NULL : you_said_we_did[pick].we_did);
          bind_text (action, 5, you_said_we_did[pick].owner);
          bind_day (b, action, 6, due);
          bind_text (action, 7, status);
          if (!step_done (b, action, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* ------------------------------------------------------------------------------------- */
/* Milestones of the four workstreams, from the report's timeline                          */

enum
{
  EVIDENCE_TEXT,
  EVIDENCE_EVENT,
  EVIDENCE_FIRST_CHAMPION_SESSION,
  EVIDENCE_FIRST_TIER3_SESSION,
  EVIDENCE_COUNCIL_CHARTER
};

static const struct
{
  const char *workstream;
  const char *title;
  const char *due_month;
  const char *done_on; /* NULL: not done; "session" for the day of the evidence session */
  int evidence;
  int anchor;
  const char *text;
} milestones[] = {
  { "organisational_change",
    "Business case to the Mental Health, Autism and Learning Disabilities Programme Board",
    "2023-01", "2023-01-17", EVIDENCE_TEXT, -1, "Business case and board minutes, January 2023" },
  { "principles", "Trauma Informed Network and Charter launch", "2023-01", "2023-01-26",
    EVIDENCE_EVENT, ANCHOR_LAUNCH, NULL },
  { "principles", "Charter signed by the first system partners", "2023-03", "2023-01-26",
    EVIDENCE_COUNCIL_CHARTER, -1, "Signed at the launch by the council and the ICB" },
  { "principles", "Charter principles agreed with young people and the lived experience panel",
    "2023-03", "2023-03-30", EVIDENCE_TEXT, -1, "Panel notes and the young people's version" },
  { "organisational_change", "Trauma-informed co-ordinator recruited", "2023-05", "2023-05-15",
    EVIDENCE_TEXT, -1, "Co-ordinator in post from 15 May 2023" },
  { "training", "Psychologist role advertised or procured from existing partners", "2023-05",
    "2023-07-03", EVIDENCE_TEXT, -1,
    "Clinical psychology time procured from Somerset NHS Foundation Trust" },
  { "organisational_change", "Second trauma informed network event delivered", "2023-06",
    "2023-06-22", EVIDENCE_EVENT, ANCHOR_JUNE_2023, NULL },
  { "training", "Tier 1 online training included in Learning Centre mandatory training",
    "2023-07", "2023-09-01", EVIDENCE_TEXT, -1,
    "Available to the whole health and social care system" },
  { "training", "First Tier 2 session delivered by champions", "2023-09", "session",
    EVIDENCE_FIRST_CHAMPION_SESSION, -1, NULL },
  { "training", "Tier 3 trauma-enhanced sessions offered", "2023-10", "session",
    EVIDENCE_FIRST_TIER3_SESSION, -1, NULL },
  { "service_delivery", "Tailored training plan agreed with schools short of staff capacity",
    "2023-10", "2023-12-12", EVIDENCE_TEXT, -1, "Twilight and INSET options agreed" },
  { "service_delivery",
    "Third network event: feedback on the training and the impact of tailored training "
    "delivered by champions",
    "2023-11", "2023-11-16", EVIDENCE_EVENT, ANCHOR_NOVEMBER_2023, NULL },
  { "principles", "Annual charter review with the first signatories", "2024-02", "2024-04-25",
    EVIDENCE_TEXT, -1, "Reviewed late: two partners asked for more time" },
  { "organisational_change",
    "Full evaluation using all materials to form strategy for following year", "2024-05",
    "2024-07-11", EVIDENCE_TEXT, -1, "Evaluation workbook presented to the Programme Board" },
  { "training", "Champions deliver most Tier 2 sessions", "2024-06", "2024-05-30",
    EVIDENCE_TEXT, -1, NULL },
  { "organisational_change", "Strategy for the following year agreed by the Programme Board",
    "2024-09", NULL, EVIDENCE_TEXT, -1, "Draft strategy out for consultation" },
  { "service_delivery", "Trauma-informed review of housing front doors with SHAL Housing",
    "2024-09", NULL, EVIDENCE_TEXT, -1, "Walk-through with tenants booked" },
  { "organisational_change", "Sixth network event: the year ahead", "2024-11", NULL,
    EVIDENCE_EVENT, ANCHOR_NOVEMBER_2024, NULL },
  { "service_delivery", "Trauma-informed pilot in primary care networks", "2025-01", NULL,
    EVIDENCE_TEXT, -1, NULL },
};

static gboolean
load_workstreams (DemoBuilder *b, GError **error)
{
  static const char *const keys[] = { "principles", "training", "service_delivery",
                                      "organisational_change" };
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (b->db,
                                                       "SELECT id FROM workstreams WHERE key = ?",
                                                       error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      sqlite3_bind_text (stmt, 1, keys[i], -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          g_set_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_FAILED,
                       _("The new programme has no “%s” workstream."), keys[i]);
          return FALSE;
        }
      b->workstream_ids[i] = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  return TRUE;
}

static gint64
workstream_id (DemoBuilder *b, const char *key)
{
  static const char *const keys[] = { "principles", "training", "service_delivery",
                                      "organisational_change" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (g_str_equal (keys[i], key))
      return b->workstream_ids[i];
  g_assert_not_reached ();
  return 0;
}

static gint64
first_session (DemoBuilder *b, gboolean tier3)
{
  for (guint i = 0; i < b->sessions->len; i++)
    {
      const DemoSession *s = SESSION (b, i);
      if (s->status != SESSION_DELIVERED)
        continue;
      if (tier3 && s->tier == 3)
        return i + 1;
      if (!tier3 && s->tier == 2 && s->n_facilitators > 0
          && s->facilitator_kinds[0] == FACILITATOR_CHAMPION)
        return i + 1;
    }
  return 0;
}

static gboolean
write_milestones (DemoBuilder *b, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (!step_begin (b, STEP_MILESTONES, error) || !load_workstreams (b, error))
    return FALSE;
  stmt = ti_database_prepare (
    b->db,
    "INSERT INTO milestones (id, workstream_id, title, due_month, done_on, evidence_event_id,"
    " evidence_session_id, evidence_organisation_id, evidence_text)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (milestones); i++)
    {
      gint64 session = 0;
      const char *done_on = milestones[i].done_on;

      if (milestones[i].evidence == EVIDENCE_FIRST_CHAMPION_SESSION
          || milestones[i].evidence == EVIDENCE_FIRST_TIER3_SESSION)
        {
          session = first_session (b, milestones[i].evidence == EVIDENCE_FIRST_TIER3_SESSION);
          done_on = session > 0 ? iso (b, SESSION (b, session - 1)->day) : NULL;
        }

      sqlite3_bind_int64 (stmt, 1, i + 1);
      sqlite3_bind_int64 (stmt, 2, workstream_id (b, milestones[i].workstream));
      bind_text (stmt, 3, milestones[i].title);
      bind_text (stmt, 4, milestones[i].due_month);
      bind_text (stmt, 5, done_on);
      bind_id (stmt, 6, milestones[i].evidence == EVIDENCE_EVENT
                          ? b->anchor_ids[milestones[i].anchor]
                          : 0);
      bind_id (stmt, 7, session);
      bind_id (stmt, 8, milestones[i].evidence == EVIDENCE_COUNCIL_CHARTER ? P_COUNCIL + 1 : 0);
      bind_text (stmt, 9, milestones[i].text);
      if (!step_done (b, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_audit_entry (DemoBuilder *b, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (
    b->db,
    "INSERT INTO audit_log (at, action, entity, entity_id, detail)"
    " VALUES ('2024-10-31T17:30:00Z', 'create', 'programme', NULL, ?)",
    error);
  g_autofree char *detail = g_strdup_printf ("demo programme generated at scale %u", b->scale);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, detail);
  return step_done (b, stmt, error);
}

static gboolean
builder_run (DemoBuilder *b, GError **error)
{
  return write_organisations (b, error)
         && write_people (b, error)
         && write_champions (b, error)
         && write_tier1 (b, error)
         && write_sessions (b, error)
         && write_attendance (b, error)
         && write_reviews (b, error)
         && write_charter (b, error)
         && write_events (b, error)
         && write_engagement (b, error)
         && write_milestones (b, error)
         && write_audit_entry (b, error);
}

/* ------------------------------------------------------------------------------------- */
/* Writing the file whole or not at all                                                    */

static void
set_exists_error (const char *path, GError **error)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_EXISTS,
               _("“%s” already exists; the demo programme was not written. Choose a new file "
                 "name."),
               display);
}

static gboolean
set_io_error (const char *path, int saved_errno, GError **error)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not write the demo programme to “%s”: %s."), display,
               g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_programme (const char *tmp_path, guint scale, TiProgressFunc progress,
                 gpointer progress_data, GCancellable *cancellable, GError **error)
{
  g_autoptr (TiDatabase) db = NULL;
  g_autoptr (DemoBuilder) b = NULL;
  g_autofree char *wal = g_strconcat (tmp_path, "-wal", NULL);
  GStatBuf st;

  db = ti_database_open (tmp_path, TI_DATABASE_OPEN_CREATE | TI_DATABASE_OPEN_EXCLUSIVE, error);
  if (db == NULL)
    return FALSE;

  /* The file is a private temporary, deleted on any failure and moved into place only when
   * complete, so while it is written it need not survive a crash: no syncing, and a
   * rollback journal in memory rather than a WAL as large as the file. */
  if (!ti_database_exec (db,
                         "PRAGMA journal_mode = MEMORY;"
                         "PRAGMA synchronous = OFF;"
                         "PRAGMA cache_size = -65536;"
                         "PRAGMA temp_store = MEMORY",
                         error))
    return FALSE;

  b = builder_new (db, scale, progress, progress_data, cancellable);
  if (!ti_database_begin (db, error))
    return FALSE;
  if (!builder_run (b, error)
      || !step_begin (b, STEP_FINISHING, error)
      /* Planner statistics, so the first queries on a big programme are quick. */
      || !ti_database_exec (db, "PRAGMA analysis_limit = 1000; ANALYZE", error)
      || !ti_database_commit (db, error))
    {
      ti_database_rollback (db);
      return FALSE;
    }
  report (b, 0.5);

  /* Back to the journal every programme file uses; closing the last connection
   * checkpoints and removes the WAL. */
  if (!ti_database_exec (db,
                         "PRAGMA synchronous = NORMAL;"
                         "PRAGMA journal_mode = WAL;"
                         "PRAGMA wal_checkpoint(TRUNCATE)",
                         error))
    return FALSE;
  g_clear_pointer (&b, builder_free);
  g_clear_object (&db);

  if (g_stat (wal, &st) == 0 && st.st_size > 0)
    {
      g_set_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_FAILED,
                   _("The demo programme could not be completed: its journal was not written "
                     "back."));
      return FALSE;
    }
  return TRUE;
}

/* The data must be on disk before the name points at it. */
static gboolean
sync_path (const char *path, gboolean directory, GError **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | (directory ? O_DIRECTORY : 0), 0);
  int saved;

  if (fd >= 0 && fsync (fd) == 0)
    {
      close (fd);
      return TRUE;
    }
  saved = errno;
  if (fd >= 0)
    close (fd);
  if (directory)
    return TRUE; /* not every file system can sync a folder; the file itself is safe */
  return set_io_error (path, saved, error);
}

static gboolean
move_into_place (const char *tmp_path, const char *path, GError **error)
{
  GStatBuf st;
  int saved;

  /* link() never replaces a file that appeared meanwhile; rename() would. */
  if (link (tmp_path, path) == 0)
    return TRUE;
  saved = errno;
  if (saved == EEXIST)
    {
      set_exists_error (path, error);
      return FALSE;
    }
  if (saved == EPERM || saved == EOPNOTSUPP || saved == ENOSYS || saved == EMLINK)
    {
      /* A file system without hard links: look once more, then rename. */
      if (g_lstat (path, &st) == 0)
        {
          set_exists_error (path, error);
          return FALSE;
        }
      if (g_rename (tmp_path, path) == 0)
        return TRUE;
      saved = errno;
    }
  return set_io_error (path, saved, error);
}

/* Removes the private folder and whatever SQLite left in it (-wal, -shm, -journal). */
static void
remove_partial (const char *tmp_dir)
{
  g_autoptr (GDir) dir = g_dir_open (tmp_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (tmp_dir, name, NULL);
      g_unlink (file);
    }
  g_rmdir (tmp_dir);
}

/**
 * ti_demo_create:
 * @path: the programme file to write; it must not exist
 * @scale: 1 for a county (about 150 organisations, 600 champions, 25,000 Tier 1
 *   completions, 1,000 sessions), larger multiplies it, up to %TI_DEMO_MAX_SCALE
 * @progress: (nullable) (scope call): called from this thread as the work goes on
 * @progress_data: data for @progress
 * @cancellable: (nullable): stops the work; nothing is left behind
 * @error: return location for an error
 *
 * Writes a realistic, deterministic demo programme: the same @scale always gives the same
 * content. The file (mode 0600) appears whole or not at all; an existing file is never
 * replaced.
 *
 * Returns: %TRUE when the file was written
 */
gboolean
ti_demo_create (const char *path, guint scale, TiProgressFunc progress, gpointer progress_data,
                GCancellable *cancellable, GError **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *template = NULL;
  g_autofree char *tmp_dir = NULL;
  g_autofree char *tmp_path = NULL;
  GStatBuf st;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (scale < 1 || scale > TI_DEMO_MAX_SCALE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The scale of a demo programme must be a whole number from 1 to %d, "
                     "not %u."),
                   TI_DEMO_MAX_SCALE, scale);
      return FALSE;
    }
  if (g_lstat (path, &st) == 0)
    {
      set_exists_error (path, error);
      return FALSE;
    }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    return set_io_error (path, errno, error);

  /* A private folder beside the target: same file system, so the final link is atomic,
   * and SQLite's side files stay inside it. */
  template = g_strdup_printf (".%s.partial-XXXXXX", base);
  tmp_dir = g_build_filename (dir, template, NULL);
  if (g_mkdtemp (tmp_dir) == NULL)
    return set_io_error (path, errno, error);
  tmp_path = g_build_filename (tmp_dir, base, NULL);

  ok = write_programme (tmp_path, scale, progress, progress_data, cancellable, error)
       && sync_path (tmp_path, FALSE, error)
       && move_into_place (tmp_path, path, error);
  remove_partial (tmp_dir);
  if (!ok)
    return FALSE;

  sync_path (dir, TRUE, NULL);
  if (progress != NULL)
    progress (1.0, _(steps[STEP_FINISHING].words), progress_data);
  return TRUE;
}

typedef struct
{
  char *path;
  guint scale;
} DemoTaskData;

static void
demo_task_data_free (gpointer data)
{
  DemoTaskData *task_data = data;

  g_free (task_data->path);
  g_free (task_data);
}

static void
create_in_thread (GTask *task, G_GNUC_UNUSED gpointer source_object, gpointer data,
                  GCancellable *cancellable)
{
  DemoTaskData *task_data = data;
  GError *error = NULL;

  if (ti_demo_create (task_data->path, task_data->scale, NULL, NULL, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * ti_demo_create_async:
 *
 * Runs ti_demo_create() in a worker thread.
 */
void
ti_demo_create_async (const char *path, guint scale, GCancellable *cancellable,
                      GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  DemoTaskData *task_data;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ti_demo_create_async);
  task_data = g_new0 (DemoTaskData, 1);
  task_data->path = g_strdup (path);
  task_data->scale = scale;
  g_task_set_task_data (task, task_data, demo_task_data_free);
  g_task_run_in_thread (task, create_in_thread);
}

/**
 * ti_demo_create_finish:
 *
 * Returns: %TRUE when the file was written, or %FALSE with @error set
 */
gboolean
ti_demo_create_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ti_demo_create_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
