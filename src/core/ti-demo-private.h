/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ti-database.h"
#include "ti-demo.h"

G_BEGIN_DECLS

/*
 * Shared by the files that make up the demo programme generator (ti-demo*.c); not
 * installed. The programme is planned in a DemoBuilder and written step by step, each
 * step in its own file, all drawing from the builder's seeded generator.
 */

/* ------------------------------------------------------------------------------------- */
/* The seeded generator (ti-demo-random.c)                                                 */

typedef struct
{
  guint64 state;
} DemoRng;

void ti_demo_rng_seed (DemoRng *rng, guint64 stream);
guint ti_demo_rng_below (DemoRng *rng, guint n);
int ti_demo_rng_range (DemoRng *rng, int lo, int hi);
double ti_demo_rng_unit (DemoRng *rng);
gboolean ti_demo_rng_chance (DemoRng *rng, double p);
guint ti_demo_strv_count (const char *const *strv);
const char *ti_demo_rng_pick (DemoRng *rng, const char *const *strv);
guint ti_demo_rng_weighted (DemoRng *rng, const double *weights, guint n);

/* ------------------------------------------------------------------------------------- */
/* The calendar: days are counted from 1 January 2023.                                    */

#define FIRST_YEAR 2023
#define N_MONTHS 36 /* 2023-01 to 2025-12 */
#define N_DAYS 1096 /* 2023-01-01 to 2025-12-31 */

int ti_demo_day_of (int year, int month, int day);
int ti_demo_month_of (int year, int month);

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

typedef struct
{
  const char *sector;
  double uptake;            /* share of the headcount who appear as people */
  gboolean mandatory_tier1; /* Tier 1 sits in their Learning Centre mandatory training */
  const char *const *titles;
  const char *const *sessions;
  const char *const *signatories;
} DemoKindInfo;

extern const DemoKindInfo ti_demo_kinds[N_KINDS];

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

/* The programme's own staff, fictional, always the first three people. */
enum
{
  STAFF_COORDINATOR,
  STAFF_CLINICAL_PSYCHOLOGIST,
  STAFF_EDUCATIONAL_PSYCHOLOGIST,
  N_STAFF
};

typedef struct
{
  const char *name;
  const char *email;
  int partner;
  const char *job_title;
  const char *role;
  int year, month, day; /* started in the programme */
} DemoStaff;

extern const DemoStaff ti_demo_programme_staff[N_STAFF];

/* The vocabulary (ti-demo-words.c): NULL-terminated lists. */
extern const char *const ti_demo_first_names[];
extern const char *const ti_demo_last_names[];
extern const guint ti_demo_n_first_names;
extern const guint ti_demo_n_last_names;

typedef struct
{
  const char *name;
  const char *locality;
  double weight; /* roughly the town's share of the county's people */
} DemoTown;

extern const DemoTown ti_demo_towns[];

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

typedef struct
{
  guint32 person;
  gint16 day;
  guint8 source;
} DemoCompletion;

enum
{
  SESSION_PLANNED,
  SESSION_DELIVERED,
  SESSION_CANCELLED
};

enum
{
  REVIEW_NOT_DUE,
  REVIEW_AWAITING,
  REVIEW_CHANGES_REQUESTED,
  REVIEW_APPROVED
};

enum
{
  FACILITATOR_COORDINATOR,
  FACILITATOR_PSYCHOLOGIST,
  FACILITATOR_CHAMPION
};

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

  char **first_ascii; /* the names as they appear in email addresses */
  char **last_ascii;

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

#define ORG(b, i) (&g_array_index ((b)->orgs, DemoOrg, (i)))
#define PERSON(b, i) (&g_array_index ((b)->people, DemoPerson, (i)))
#define CHAMPION(b, i) (&g_array_index ((b)->champions, DemoChampion, (i)))
#define SESSION(b, i) (&g_array_index ((b)->sessions, DemoSession, (i)))

/* ------------------------------------------------------------------------------------- */
/* Shared helpers                                                                          */

/* ti-demo-random.c: the calendar and small helpers for dates */
void ti_demo_calendar_init (DemoBuilder *b);
int ti_demo_imin (int a, int b);
int ti_demo_imax (int a, int b);
int ti_demo_iclamp (int x, int low, int high);
const char *ti_demo_iso (DemoBuilder *b, int day);
void ti_demo_format_stamp (DemoBuilder *b, char *buf, gsize size, int day, int minute);
int ti_demo_weekday_near (DemoBuilder *b, int day);
int ti_demo_random_day_in_month (DemoBuilder *b, int month);

/* ti-demo-words.c */
char *ti_demo_ascii_slug (const char *text, char separator);
guint ti_demo_random_town (DemoBuilder *b);
void ti_demo_random_name (DemoBuilder *b, char *buf, gsize size);

/* ti-demo.c: binding, progress and cancellation */
void ti_demo_bind_text (sqlite3_stmt *stmt, int column, const char *text);
void ti_demo_bind_day (DemoBuilder *b, sqlite3_stmt *stmt, int column, int day);
void ti_demo_bind_positive (sqlite3_stmt *stmt, int column, gint64 value);
void ti_demo_report (DemoBuilder *b, double within);
gboolean ti_demo_step_begin (DemoBuilder *b, DemoStep step, GError **error);
gboolean ti_demo_step_tick (DemoBuilder *b, guint done, guint total, GError **error);
gboolean ti_demo_step_done (DemoBuilder *b, sqlite3_stmt *stmt, GError **error);

/* ti-demo-organisations.c */
gboolean ti_demo_is_somerset (const DemoOrg *org);

/* ti-demo-people.c */
void ti_demo_stamp_next (DemoBuilder *b);
gboolean ti_demo_stamp_take (DemoBuilder *b, guint person);
guint ti_demo_random_somerset_person (DemoBuilder *b);
guint ti_demo_champions_by (DemoBuilder *b, int day);
gboolean ti_demo_champion_active_on (const DemoChampion *c, int day);

/* ti-demo-tier1.c */
void ti_demo_plan_tier1 (DemoBuilder *b, guint p, const DemoOrg *org, const double *month_weights,
                         guint n_months);

/* ti-demo-reviews.c */
void ti_demo_plan_review (DemoBuilder *b, DemoSession *s);

/* ------------------------------------------------------------------------------------- */
/* The steps, in the order ti-demo.c runs them                                             */

gboolean ti_demo_write_organisations (DemoBuilder *b, GError **error);
gboolean ti_demo_write_people (DemoBuilder *b, GError **error);
gboolean ti_demo_write_champions (DemoBuilder *b, GError **error);
gboolean ti_demo_write_tier1 (DemoBuilder *b, GError **error);
gboolean ti_demo_write_sessions (DemoBuilder *b, GError **error);
gboolean ti_demo_write_attendance (DemoBuilder *b, GError **error);
gboolean ti_demo_write_reviews (DemoBuilder *b, GError **error);
gboolean ti_demo_write_charter (DemoBuilder *b, GError **error);
gboolean ti_demo_write_events (DemoBuilder *b, GError **error);
gboolean ti_demo_write_engagement (DemoBuilder *b, GError **error);
gboolean ti_demo_write_milestones (DemoBuilder *b, GError **error);

G_END_DECLS
