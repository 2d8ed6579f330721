/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-demo"

#include "config.h"

#include "ti-demo-private.h"

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
  return ti_demo_rng_range (&b->rng, range[0], range[1]);
}

gboolean
ti_demo_write_engagement (DemoBuilder *b, GError **error)
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

  if (!ti_demo_step_begin (b, STEP_ENGAGEMENT, error))
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
      which[i] = i < n_templates ? i : ti_demo_rng_below (&b->rng, n_templates);
      days[i] = i < n_templates
                  ? ti_demo_day_of (engagement_templates[i].year, engagement_templates[i].month,
                                    engagement_templates[i].day)
                  : -1;
      /* A repeat comes after the first of its kind. */
      if (days[i] < 0)
        {
          const DemoEngagementTemplate *t = &engagement_templates[which[i]];
          int first = ti_demo_day_of (t->year, t->month, t->day);
          days[i] = ti_demo_weekday_near (b, ti_demo_rng_range (&b->rng, first + 30, b->today - 7));
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

      if (days[i] == ti_demo_day_of (t->year, t->month, t->day))
        g_strlcpy (title, t->title, sizeof title);
      else
        g_snprintf (title, sizeof title, "%s (%s)", t->title,
                    ti_demo_towns[ti_demo_random_town (b)].name);

      sqlite3_bind_int64 (activity, 1, id);
      ti_demo_bind_day (b, activity, 2, days[i]);
      ti_demo_bind_text (activity, 3, t->kind);
      ti_demo_bind_text (activity, 4, title);
      ti_demo_bind_text (activity, 5, t->summary);
      sqlite3_bind_int (activity, 6, count_between (b, t->young));
      sqlite3_bind_int (activity, 7, count_between (b, t->adults));
      sqlite3_bind_int (activity, 8, count_between (b, t->parents));
      sqlite3_bind_int (activity, 9, count_between (b, t->professionals));
      sqlite3_bind_int (activity, 10, count_between (b, t->community));
      if (!ti_demo_step_done (b, activity, error))
        return FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (t->influences) && t->influences[k]; k++)
        {
          sqlite3_bind_int64 (influence, 1, id);
          ti_demo_bind_text (influence, 2, t->influences[k]);
          if (!ti_demo_step_done (b, influence, error))
            return FALSE;
        }

      /* "You said, we did": from what this activity influenced. */
      n_relevant = 0;
      for (guint k = 0; k < G_N_ELEMENTS (you_said_we_did); k++)
        for (guint m = 0; m < G_N_ELEMENTS (t->influences) && t->influences[m]; m++)
          if (g_str_equal (t->influences[m], you_said_we_did[k].area))
            relevant[n_relevant++] = k;
      for (int k = ti_demo_rng_range (&b->rng, 1, 3); k > 0 && n_relevant > 0; k--)
        {
          guint pick = relevant[ti_demo_rng_below (&b->rng, n_relevant)];
          int due = ti_demo_imin (days[i] + ti_demo_rng_range (&b->rng, 30, 150), N_DAYS - 1);
          const char *status;

          if (used & (1u << pick))
            continue;
          used |= 1u << pick;

          if (due <= b->today - 30)
            status = ti_demo_rng_chance (&b->rng, 0.85) ? "done" : "in_progress";
          else
            status = ti_demo_rng_chance (&b->rng, 0.5) ? "open" : "in_progress";

          sqlite3_bind_int64 (action, 1, ++action_id);
          sqlite3_bind_int64 (action, 2, id);
          ti_demo_bind_text (action, 3, you_said_we_did[pick].you_said);
          ti_demo_bind_text (action, 4,
                             g_str_equal (status, "open") ? NULL : you_said_we_did[pick].we_did);
          ti_demo_bind_text (action, 5, you_said_we_did[pick].owner);
          ti_demo_bind_day (b, action, 6, due);
          ti_demo_bind_text (action, 7, status);
          if (!ti_demo_step_done (b, action, error))
            return FALSE;
        }
    }
  return TRUE;
}

