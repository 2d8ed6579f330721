/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-demo"

#include "config.h"

#include "ti-demo-private.h"

/* Vocabulary of the demo: names and words. Every person is fictional; none of the names
 * in the scrutiny report appear here. The words of organisation names are with the
 * organisations, in ti-demo-organisations.c. */

const char *const ti_demo_first_names[] = {
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

const char *const ti_demo_last_names[] = {
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

const DemoTown ti_demo_towns[] = {
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

/* Each kind of organisation: what its staff are called, the sessions it hosts and who
 * signs the charter for it. */

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

const DemoKindInfo ti_demo_kinds[N_KINDS] = {
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

/* The programme's own staff, fictional, always the first three people. */
const DemoStaff ti_demo_programme_staff[N_STAFF] = {
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

const guint ti_demo_n_first_names = G_N_ELEMENTS (ti_demo_first_names) - 1;
const guint ti_demo_n_last_names = G_N_ELEMENTS (ti_demo_last_names) - 1;

/* ------------------------------------------------------------------------------------- */
/* Drawing from the words                                                                  */

char *
ti_demo_ascii_slug (const char *text, char separator)
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

/* A town, weighted by its share of the county's people. */
guint
ti_demo_random_town (DemoBuilder *b)
{
  double weights[G_N_ELEMENTS (ti_demo_towns)];

  for (guint i = 0; i < G_N_ELEMENTS (ti_demo_towns); i++)
    weights[i] = ti_demo_towns[i].weight;
  return ti_demo_rng_weighted (&b->rng, weights, G_N_ELEMENTS (ti_demo_towns));
}

/* A fictional name for someone who is not a person record (a speaker, a signatory). */
void
ti_demo_random_name (DemoBuilder *b, char *buf, gsize size)
{
  g_snprintf (buf, size, "%s %s", ti_demo_rng_pick (&b->rng, ti_demo_first_names),
              ti_demo_rng_pick (&b->rng, ti_demo_last_names));
}

