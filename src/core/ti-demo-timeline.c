/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-demo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ti-demo-private.h"

/* ------------------------------------------------------------------------------------- */
/* Milestones of the four workstreams, from the report's timeline                          */
/*                                                                                         */
/* The report's estimated timeline (section 3.5): January 2023 the business case to the    */
/* Programme Board and the network and charter launch; April/May 2023 the co-ordinator     */
/* recruited and the psychologist role advertised or procured (due in May, the later       */
/* month); June and November 2023 the second and third network events; April/May 2024 the  */
/* full evaluation. The rest are the steps between that the programme would plan. Each     */
/* milestone has at most one kind of evidence, as the editor allows.                       */

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
    EVIDENCE_COUNCIL_CHARTER, -1, NULL },
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
    "2024-05-23", EVIDENCE_TEXT, -1, "Evaluation workbook presented to the Programme Board" },
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

/* The four workstreams, in the order of the builder's workstream_ids. */
static const char *const workstream_keys[] = { "principles", "training", "service_delivery",
                                               "organisational_change" };

static gboolean
load_workstreams (DemoBuilder *b, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (b->db,
                                                       "SELECT id FROM workstreams WHERE key = ?",
                                                       error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (workstream_keys); i++)
    {
      sqlite3_bind_text (stmt, 1, workstream_keys[i], -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          g_set_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_FAILED,
                       _("The new programme has no “%s” workstream."), workstream_keys[i]);
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
  for (guint i = 0; i < G_N_ELEMENTS (workstream_keys); i++)
    if (g_str_equal (workstream_keys[i], key))
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

gboolean
ti_demo_write_milestones (DemoBuilder *b, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (!ti_demo_step_begin (b, STEP_MILESTONES, error) || !load_workstreams (b, error))
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
          done_on = session > 0 ? ti_demo_iso (b, SESSION (b, session - 1)->day) : NULL;
        }

      sqlite3_bind_int64 (stmt, 1, i + 1);
      sqlite3_bind_int64 (stmt, 2, workstream_id (b, milestones[i].workstream));
      ti_demo_bind_text (stmt, 3, milestones[i].title);
      ti_demo_bind_text (stmt, 4, milestones[i].due_month);
      ti_demo_bind_text (stmt, 5, done_on);
      ti_demo_bind_positive (
        stmt, 6,
        milestones[i].evidence == EVIDENCE_EVENT ? b->anchor_ids[milestones[i].anchor] : 0);
      ti_demo_bind_positive (stmt, 7, session);
      ti_demo_bind_positive (
        stmt, 8, milestones[i].evidence == EVIDENCE_COUNCIL_CHARTER ? P_COUNCIL + 1 : 0);
      ti_demo_bind_text (stmt, 9, milestones[i].text);
      if (!ti_demo_step_done (b, stmt, error))
        return FALSE;
    }
  return TRUE;
}
