/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-demo"

#include "config.h"

#include "ti-demo-private.h"

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

      e.day = ti_demo_day_of (anchors[i].year, anchors[i].month, anchors[i].day);
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
      guint town = ti_demo_random_town (b);

      e.kind = extra_kinds[ti_demo_rng_weighted (&b->rng, kind_weights, 3)];
      e.day = ti_demo_weekday_near (
        b, ti_demo_rng_range (&b->rng, ti_demo_day_of (2023, 2, 1), ti_demo_day_of (2024, 12, 12)));
      e.order = N_ANCHORS + i;
      e.anchor = -1;
      e.description = ti_demo_rng_pick (&b->rng, event_descriptions);
      if (g_str_equal (e.kind, "webinar"))
        {
          e.minute = ti_demo_rng_chance (&b->rng, 0.5) ? 12 * 60 + 30 : 16 * 60;
          e.title = g_strdup (ti_demo_rng_pick (&b->rng, webinar_titles));
        }
      else if (g_str_equal (e.kind, "workshop"))
        {
          e.minute = ti_demo_rng_chance (&b->rng, 0.5) ? 9 * 60 + 30 : 13 * 60 + 30;
          e.title = g_strdup_printf ("%s (%s)", ti_demo_rng_pick (&b->rng, workshop_titles),
                                     ti_demo_towns[town].name);
          e.venue = g_strdup_printf ("%s %s", ti_demo_towns[town].name,
                                     ti_demo_rng_pick (&b->rng, venue_kinds));
        }
      else
        {
          e.minute = 9 * 60;
          e.title = g_strdup_printf ("%s %.4s", ti_demo_rng_pick (&b->rng, conference_titles),
                                     ti_demo_iso (b, e.day));
          e.venue = g_strdup_printf ("%s Conference Centre", ti_demo_towns[town].name);
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
    n = ti_demo_rng_range (&b->rng, 1, 2);
  else if (g_str_equal (e->kind, "conference"))
    n = ti_demo_rng_range (&b->rng, 4, 6), weights[0] = 0.35, weights[2] = 0.25;
  else
    n = ti_demo_rng_range (&b->rng, 2, 4);

  for (int i = 0; i < n; i++)
    {
      guint reach = ti_demo_rng_weighted (&b->rng, weights, 3);
      const char *const *affiliations = reach == 0   ? local_affiliations
                                        : reach == 1 ? national_affiliations
                                                     : international_affiliations;

      ti_demo_random_name (b, plain, sizeof plain);
      if (reach > 0 && ti_demo_rng_chance (&b->rng, 0.35))
        g_snprintf (name, sizeof name, "%s %s",
                    ti_demo_rng_chance (&b->rng, 0.7) ? "Dr" : "Professor", plain);
      else
        g_strlcpy (name, plain, sizeof name);

      sqlite3_bind_int64 (stmt, 1, ++*speaker_id);
      sqlite3_bind_int64 (stmt, 2, event_id);
      ti_demo_bind_text (stmt, 3, name);
      ti_demo_bind_text (stmt, 4, ti_demo_rng_pick (&b->rng, affiliations));
      ti_demo_bind_text (stmt, 5, reaches[reach]);
      ti_demo_bind_text (stmt, 6, ti_demo_rng_pick (&b->rng, speaker_topics));
      if (!ti_demo_step_done (b, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_guest (DemoBuilder *b, sqlite3_stmt *stmt, gint64 event_id, const DemoEvent *e, guint p,
             gboolean invited, double attend, GError **error)
{
  static const double feedback_weights[] = { 0.01, 0.04, 0.18, 0.42, 0.35 };
  gboolean attended = e->day < b->today && (!invited || ti_demo_rng_chance (&b->rng, attend));
  int feedback = attended && ti_demo_rng_chance (&b->rng, 0.65)
                   ? 1 + (int) ti_demo_rng_weighted (&b->rng, feedback_weights, 5)
                   : 0;

  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_int64 (stmt, 2, p + 1);
  sqlite3_bind_int (stmt, 3, invited);
  sqlite3_bind_int (stmt, 4, attended);
  ti_demo_bind_positive (stmt, 5, feedback);
  ti_demo_bind_text (stmt, 6,
                     feedback > 0 && ti_demo_rng_chance (&b->rng, 0.6)
                       ? ti_demo_rng_pick (&b->rng, feedback_themes)
                       : NULL);
  return ti_demo_step_done (b, stmt, error);
}

/* Invitations go to the champions of the day (all of them for network events) and to
 * partner staff; past events record who came and what they thought. */
static gboolean
write_event_attendance (DemoBuilder *b, sqlite3_stmt *stmt, gint64 event_id, const DemoEvent *e,
                        GError **error)
{
  guint joined = ti_demo_champions_by (b, e->day - 3);
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
    invite = 0, attend = 0.75, extra_staff = 5, n_workshop = ti_demo_rng_range (&b->rng, 20, 50);

  ti_demo_stamp_next (b);
  if (n_workshop > 0 && joined > 0)
    {
      for (guint i = 0; i < n_workshop * 3 && n_workshop > 0; i++)
        {
          const DemoChampion *c = CHAMPION (b, b->by_since[ti_demo_rng_below (&b->rng, joined)]);
          if (!ti_demo_champion_active_on (c, e->day) || !ti_demo_stamp_take (b, c->person))
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
          if (!ti_demo_champion_active_on (c, e->day)
              || !ti_demo_rng_chance (&b->rng, invite * spread))
            continue;
          ti_demo_stamp_take (b, c->person);
          if (!write_guest (b, stmt, event_id, e, c->person, TRUE, attend, error))
            return FALSE;
        }
    }

  for (guint i = 0; i < (guint) (extra_staff * b->scale * spread + 0.5); i++)
    {
      guint p = ti_demo_random_somerset_person (b);
      if (ti_demo_stamp_take (b, p) && !write_guest (b, stmt, event_id, e, p, TRUE, attend, error))
        return FALSE;
    }

  /* The programme's own staff, and the outside partners who helped shape the model. */
  for (guint p = 0; p < N_STAFF; p++)
    if (e->day >= b->staff_start[p] && ti_demo_stamp_take (b, p)
        && !write_guest (b, stmt, event_id, e, p, TRUE, 0.9, error))
      return FALSE;
  for (guint o = P_BRISTOL; outside && o <= P_BANES; o++)
    for (guint p = ORG (b, o)->first_person; p < ORG (b, o)->first_person + ORG (b, o)->n_people;
         p++)
      if (ti_demo_stamp_take (b, p) && !write_guest (b, stmt, event_id, e, p, TRUE, 0.5, error))
        return FALSE;

  /* A few walk in without an invitation. */
  if (e->day < b->today)
    for (int n = (int) (ti_demo_rng_range (&b->rng, 0, 4) * b->scale * spread + 0.5); n > 0; n--)
      {
        guint p = ti_demo_random_somerset_person (b);
        if (ti_demo_stamp_take (b, p) && !write_guest (b, stmt, event_id, e, p, FALSE, 1, error))
          return FALSE;
      }
  return TRUE;
}

gboolean
ti_demo_write_events (DemoBuilder *b, GError **error)
{
  g_autoptr (sqlite3_stmt) event = NULL;
  g_autoptr (sqlite3_stmt) speaker = NULL;
  g_autoptr (sqlite3_stmt) guest = NULL;
  g_autoptr (GArray) events = NULL;
  g_autoptr (GString) best = g_string_new (NULL);
  gint64 speaker_id = 0;
  char starts_at[20], link[128];

  if (!ti_demo_step_begin (b, STEP_EVENTS, error))
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

      g_snprintf (starts_at, sizeof starts_at, "%s %02d:%02d", ti_demo_iso (b, e->day),
                  e->minute / 60, e->minute % 60);
      g_snprintf (link, sizeof link,
                  "https://events.example/trauma-informed-somerset/%" G_GINT64_FORMAT, id);
      g_string_truncate (best, 0);
      if (e->day < b->today)
        {
          if (e->anchor >= 0 && anchors[e->anchor].best_practice)
            g_string_append (best, anchors[e->anchor].best_practice);
          else
            g_string_printf (best, "%s %s", ti_demo_rng_pick (&b->rng, best_practices),
                             ti_demo_rng_pick (&b->rng, best_practices));
        }
      if (e->anchor >= 0)
        b->anchor_ids[e->anchor] = id;

      sqlite3_bind_int64 (event, 1, id);
      ti_demo_bind_text (event, 2, e->title);
      ti_demo_bind_text (event, 3, e->kind);
      ti_demo_bind_text (event, 4, starts_at);
      ti_demo_bind_text (event, 5, e->venue);
      ti_demo_bind_text (event, 6, online ? link : NULL);
      ti_demo_bind_text (event, 7, e->description);
      ti_demo_bind_text (event, 8, best->len > 0 ? best->str : NULL);
      if (!ti_demo_step_done (b, event, error)
          || !write_speakers (b, speaker, &speaker_id, id, e, error)
          || !write_event_attendance (b, guest, id, e, error)
          || g_cancellable_set_error_if_cancelled (b->cancellable, error))
        return FALSE;
      /* Few events, each with many guests: report after every one. */
      ti_demo_report (b, (double) (i + 1) / events->len);
    }
  return TRUE;
}

